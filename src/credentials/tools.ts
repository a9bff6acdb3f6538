/** The programs we start for the user (ssh, kubectl, database clients), found as a shell would find them. */
import { constants, promises as fs } from 'node:fs';
import * as path from 'node:path';

/** The full path of `command` on PATH (or `command` itself when it is a path and executable), else undefined. */
export async function findOnPath(command: string, env: NodeJS.ProcessEnv = process.env): Promise<string | undefined> {
  const executable = async (file: string) => {
    try {
      await fs.access(file, constants.X_OK);
      return (await fs.stat(file)).isFile();
    } catch {
      return false;
    }
  };
  if (command.includes('/') || command.includes('\\')) return (await executable(command)) ? command : undefined;
  const suffixes = process.platform === 'win32' ? (env.PATHEXT ?? '.EXE;.CMD;.BAT').split(';') : [''];
  // only absolute directories: an empty or relative PATH entry ("", ".", "bin") means wherever
  // the extension host happens to run, which may be a cloned repository
  for (const dir of (env.PATH ?? '').split(path.delimiter).filter((d) => d && path.isAbsolute(d))) {
    for (const suffix of suffixes) {
      const file = path.join(dir, command + suffix);
      if (await executable(file)) return file;
    }
  }
  return undefined;
}
