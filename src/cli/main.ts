/** The `sarafan` command. Each subcommand lives in its own module. */
import { Command } from 'commander';
import { openMigratedDatabase, parsePort, startServer } from './start.ts';
import { cliText } from './messages.ts';
import { registerStatsCommand } from './stats.ts';
import { registerDemoCommand } from './demo.ts';
import { registerRollupsCommand } from './rollups.ts';
import { registerBenchCommand } from './bench.ts';
import { registerBackupCommand } from './backup.ts';
import { registerRestoreCommand } from './restore.ts';
import { registerUsersCommand } from './users.ts';
import { registerJobsCommand } from './jobs.ts';
import { registerTextCommand } from './text.ts';
import { registerKpiCommand } from './kpi.ts';
import { registerImportCommand } from './importEvents.ts';
import { registerImportStoreCommand } from './importStore.ts';
import { registerAuditCommand } from './audit.ts';
import { registerLoyaltyCommand } from './loyalty.ts';

const program = new Command();
program.name('sarafan').description('Sarafan: self-hosted voice-of-customer platform');

program
  .command('start')
  .description('Start the server (embedded PostgreSQL in ./data unless DATABASE_URL is set)')
  .option('-p, --port <port>', 'HTTP port', process.env.PORT ?? '3000')
  .option('--host <host>', 'interface to listen on', process.env.HOST ?? '0.0.0.0')
  .action(async (opts) => {
    await startServer({ port: parsePort(String(opts.port)), host: opts.host });
  });

program
  .command('migrate')
  .description('Create or update the database schema, then exit')
  .action(async () => {
    const db = await openMigratedDatabase(console.log);
    await db.close();
    console.log(cliText('migrate.done'));
  });

registerStatsCommand(program);
registerDemoCommand(program);
registerRollupsCommand(program);
registerBenchCommand(program);
registerBackupCommand(program);
registerRestoreCommand(program);
registerUsersCommand(program);
registerJobsCommand(program);
registerTextCommand(program);
registerKpiCommand(program);
registerImportCommand(program);
registerImportStoreCommand(program);
registerAuditCommand(program);
registerLoyaltyCommand(program);

program.parseAsync(process.argv).catch((err: unknown) => {
  console.error(`sarafan: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
