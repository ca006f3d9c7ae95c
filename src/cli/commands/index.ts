import type { CliCommand } from '../io';
import { codeCommand } from './code';
import { exportCommand } from './export';
import { importCommand } from './import';
import { listCommand } from './list';
import { parseCommand } from './parse';
import { scanCommand } from './scan';

/**
 * Every `latchkey` command. This list is a stable interface: a command that exists keeps
 * its name, arguments and output format (see README "Command line").
 */
export const commands: readonly CliCommand[] = [
  codeCommand,
  parseCommand,
  listCommand,
  exportCommand,
  importCommand,
  scanCommand,
];
