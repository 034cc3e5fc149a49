/** Entry of `npm run bench` (docs/bench.md): the benchmark lives outside src, so the product never imports it. */
import { benchCommand } from './cli.ts';

benchCommand()
  .name('sarafan bench')
  .parseAsync(process.argv)
  .catch((err: unknown) => {
    console.error(`sarafan bench: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
