import { completionScript, SHELLS, type Shell } from '../completion';
import { EXIT, type CliCommand } from '../io';
import { ArgsError, orList, type CommandSpec } from '../options';

const spec: CommandSpec = {
  name: 'completion',
  summary: 'Print a shell completion script (bash, zsh or fish)',
  synopsis: ['bash|zsh|fish'],
  description: [
    'bash:  latchkey completion bash > ~/.local/share/bash-completion/completions/latchkey',
    'zsh:   latchkey completion zsh > "${fpath[1]}/_latchkey"',
    'fish:  latchkey completion fish > ~/.config/fish/completions/latchkey.fish',
  ].join('\n'),
  options: [],
  exits: [
    { code: EXIT.ok, meaning: 'the script was printed' },
    { code: EXIT.badInput, meaning: 'unknown shell' },
  ],
};

/** Takes the command list lazily: the list includes this command. */
export const completionCommand = (all: () => readonly CliCommand[]): CliCommand => ({
  spec,
  async run(args, io) {
    const shell = args.positional[0];
    if (args.positional.length !== 1 || !(SHELLS as readonly string[]).includes(shell!)) {
      throw new ArgsError(`give one shell: ${orList(SHELLS)}`);
    }
    io.stdout(completionScript(shell as Shell, all()));
    return EXIT.ok;
  },
});
