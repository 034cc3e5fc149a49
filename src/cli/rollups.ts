import type { Command } from 'commander';

export function registerRollupsCommand(program: Command): void {
  void program;
}
