/**
 * The `sarafan` command. Each subcommand lives in its own module, loaded only when it runs: `sarafan import-store`
 * does not load the demo data, the text models or the job kinds (loading every module took seconds under load).
 * `sarafan --help`, `sarafan help` or an unknown command loads them all, to list them.
 */
import { Command } from 'commander';

type Register = (program: Command) => void;

/** Top-level command name -> the module that registers it, in the order of `sarafan --help`. */
const COMMANDS: [string, () => Promise<Register>][] = [
  ['start', async () => registerStartCommands],
  ['migrate', async () => registerStartCommands],
  ['stats', async () => (await import('./stats.ts')).registerStatsCommand],
  ['demo', async () => (await import('./demo.ts')).registerDemoCommand],
  ['rollups', async () => (await import('./rollups.ts')).registerRollupsCommand],
  ['bench', async () => (await import('./bench.ts')).registerBenchCommand],
  ['backup', async () => (await import('./backup.ts')).registerBackupCommand],
  ['restore', async () => (await import('./restore.ts')).registerRestoreCommand],
  ['users', async () => (await import('./users.ts')).registerUsersCommand],
  ['jobs', async () => (await import('./jobs.ts')).registerJobsCommand],
  ['text', async () => (await import('./text.ts')).registerTextCommand],
  ['kpi', async () => (await import('./kpi.ts')).registerKpiCommand],
  ['import', async () => (await import('./importEvents.ts')).registerImportCommand],
  ['import-store', async () => (await import('./importStore.ts')).registerImportStoreCommand],
  ['audit', async () => (await import('./audit.ts')).registerAuditCommand],
  ['loyalty', async () => (await import('./loyalty.ts')).registerLoyaltyCommand],
];

/** `start` and `migrate` (the server's modules are loaded when one of them runs). */
function registerStartCommands(program: Command): void {
  program
    .command('start')
    .description('Start the server (embedded PostgreSQL in ./data unless DATABASE_URL is set)')
    .option('-p, --port <port>', 'HTTP port', process.env.PORT ?? '3000')
    .option('--host <host>', 'interface to listen on', process.env.HOST ?? '0.0.0.0')
    .action(async (opts) => {
      const { parsePort, startServer } = await import('./start.ts');
      await startServer({ port: parsePort(String(opts.port)), host: opts.host });
    });

  program
    .command('migrate')
    .description('Create or update the database schema, then exit')
    .action(async () => {
      const { openMigratedDatabase } = await import('./start.ts');
      const { cliText } = await import('./messages.ts');
      const db = await openMigratedDatabase(console.log);
      await db.close();
      console.log(cliText('migrate.done'));
    });
}

async function main(): Promise<void> {
  const program = new Command();
  program.name('sarafan').description('Sarafan: self-hosted voice-of-customer platform');
  const name = process.argv[2];
  const only = COMMANDS.find(([command]) => command === name);
  const loaders = only ? [only[1]] : COMMANDS.map(([, load]) => load);
  const registered = new Set<Register>();
  for (const register of await Promise.all(loaders.map((load) => load()))) {
    if (registered.has(register)) continue;
    registered.add(register);
    register(program);
  }
  await program.parseAsync(process.argv);
}

main().catch((err: unknown) => {
  console.error(`sarafan: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
