/**
 * Each database engine's interactive client, and how it gets its password without a command
 * line: the private files to write (src/commands/terminalFiles.ts writes them 0600 and removes
 * them with the terminal) and the program, arguments and environment that point at them.
 * Plain data and functions: no VS Code.
 */
import type { DatabaseEngine } from '../api/resources/database';

export interface ShellTarget {
  host: string;
  port: number;
  user: string;
  password: string;
  database: string;
}

interface ShellLaunch {
  /** Private files to write (name → content), found again by name in `command`. */
  files: Record<string, string>;
  /** Program and arguments, given the files' paths; never the password. */
  command(program: string, paths: Record<string, string>): { shellPath: string; shellArgs: string[]; env?: Record<string, string> };
}

interface EngineClient {
  /** Programs that can serve, in order of preference. */
  programs: string[];
  /** What to install when none is on PATH. */
  install: string;
  /** Whether the client works on one database (asked for). */
  picksDatabase: boolean;
  launch(target: ShellTarget): ShellLaunch;
}

/** A pgpass field: `\` and `:` escaped. */
export const pgpassField = (value: string) => value.replace(/\\/g, '\\\\').replace(/:/g, '\\:');
/** A double-quoted MySQL option file value. */
export const mysqlValue = (value: string) => `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
/** A single-quoted POSIX shell word. */
export const shellWord = (value: string) => `'${value.replace(/'/g, `'\\''`)}'`;

const redisClient = (programs: string[]): EngineClient => ({
  programs,
  install: `${programs.join(' or ')} (Debian/Ubuntu: apt install redis-tools; macOS: brew install redis)`,
  picksDatabase: false,
  launch: (t) => ({
    files: { env: `REDISCLI_AUTH=${shellWord(t.password)}\nexport REDISCLI_AUTH\n` },
    // the shell reads the password into the client's environment and deletes the file first
    command: (program, paths) => ({
      shellPath: '/bin/sh',
      shellArgs: ['-c', '. "$0" && rm -f "$0" && exec "$@"', paths.env, program, '-h', t.host, '-p', String(t.port), '--tls', ...(t.user && t.user !== 'default' ? ['--user', t.user] : [])],
    }),
  }),
});

/** Each engine's interactive client and how it gets its password. */
export const ENGINE_CLIENTS: Partial<Record<DatabaseEngine, EngineClient>> = {
  pg: {
    programs: ['psql'],
    install: 'psql (Debian/Ubuntu: apt install postgresql-client; macOS: brew install libpq)',
    picksDatabase: true,
    launch: (t) => ({
      files: { pgpass: `${[t.host, String(t.port), t.database, t.user, t.password].map(pgpassField).join(':')}\n` },
      command: (program, paths) => ({
        shellPath: program,
        shellArgs: ['-h', t.host, '-p', String(t.port), '-U', t.user, '-d', t.database],
        env: { PGPASSFILE: paths.pgpass, PGSSLMODE: 'require' },
      }),
    }),
  },
  mysql: {
    programs: ['mysql', 'mariadb'],
    install: 'mysql or mariadb (Debian/Ubuntu: apt install default-mysql-client; macOS: brew install mysql-client)',
    picksDatabase: true,
    launch: (t) => ({
      files: { 'client.cnf': ['[client]', `host=${mysqlValue(t.host)}`, `port=${t.port}`, `user=${mysqlValue(t.user)}`, `password=${mysqlValue(t.password)}`, ''].join('\n') },
      command: (program, paths) => ({
        shellPath: program,
        // --defaults-extra-file must come first; TLS: --ssl-mode (MySQL) or --ssl (MariaDB)
        shellArgs: [`--defaults-extra-file=${paths['client.cnf']}`, program.endsWith('mariadb') ? '--ssl' : '--ssl-mode=REQUIRED', t.database],
      }),
    }),
  },
  redis: redisClient(['redis-cli', 'valkey-cli']),
  valkey: redisClient(['valkey-cli', 'redis-cli']),
  mongodb: {
    programs: ['mongosh'],
    install: 'mongosh (https://www.mongodb.com/try/download/shell)',
    picksDatabase: false,
    launch: (t) => ({
      // mongosh has no password variable: a script in the private file connects, then --shell stays interactive
      files: { 'connect.js': `db = connect(${JSON.stringify(`mongodb+srv://${encodeURIComponent(t.user)}:${encodeURIComponent(t.password)}@${t.host}/${encodeURIComponent(t.database || 'admin')}?tls=true&authSource=admin`)});\n` },
      command: (program, paths) => ({ shellPath: program, shellArgs: ['--nodb', '--quiet', '--shell', paths['connect.js']] }),
    }),
  },
};
