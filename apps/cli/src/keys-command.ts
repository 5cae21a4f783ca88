import { generateKeyPair } from '@tickswap/patch-format';
import { commandGroup, subcommand } from './command-group';

/**
 * `tickswap keys new --out <dir> [--name <name>]`: a new Ed25519 signing key
 * pair, `<dir>/<name>.key` (private, mode 0600) and `<dir>/<name>.pub`.
 *
 * @example
 * tickswap keys new --out keys --name desk
 */
export const keysNewCommand = subcommand({
  name: 'keys new',
  synopsis: '--out <dir> [--name <name>]',
  summary: 'create an Ed25519 key pair to sign patches with: <name>.key (private) and <name>.pub (default name: tickswap)',
  options: ['out', 'name'],
  positionals: 0,
  async run(args) {
    const files = await generateKeyPair(args.required('out'), args.option('name'));
    console.log(`wrote ${files.privateKeyPath} (private: keep it secret and off the robots) and ${files.publicKeyPath} (key id ${files.keyId})`);
    console.log(`a robot runs patches signed with it once ${files.publicKeyPath} is in its trust list`);
    return 0;
  },
});

/**
 * `tickswap keys <subcommand>`: signing keys.
 *
 * @example
 * await keysCommand.run(['new', '--out', 'keys']);
 */
export const keysCommand = commandGroup('keys', 'create the keys patches are signed with (keys new)', { new: keysNewCommand });
