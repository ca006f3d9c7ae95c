import type { CliCommand } from '../io';
import { addCommand } from './add';
import { codeCommand } from './code';
import { completionCommand } from './completion';
import { exportCommand } from './export';
import { importCommand } from './import';
import { initCommand } from './init';
import { listCommand } from './list';
import { parseCommand } from './parse';
import { passwdCommand } from './passwd';
import { renameCommand } from './rename';
import { rmCommand } from './rm';
import { scanCommand } from './scan';

/**
 * Every `latchkey` command. This list is a stable interface: a command that exists keeps
 * its name, arguments and output format (see docs/cli.md).
 */
export const commands: readonly CliCommand[] = [
  codeCommand,
  listCommand,
  initCommand,
  addCommand,
  rmCommand,
  renameCommand,
  passwdCommand,
  importCommand,
  exportCommand,
  parseCommand,
  scanCommand,
  completionCommand(() => commands),
];
