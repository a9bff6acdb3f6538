/**
 * Each database engine's interactive client, and how it gets its password without a command
 * line: the private files to write (src/commands/terminalFiles.node.ts writes them 0600 and removes
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
  /** PEM of the CA that signed the server's certificate: the client verifies the server with it. */
  ca: string;
}

interface ShellLaunch {
  /**
   * Private files to write (name → content, or content made from every file's path), found again
   * by name in `command`.
   */
  files: Record<string, string | ((paths: Record<string, string>) => string)>;
  /**
   * Program and arguments, given the files' paths; never the password. `resolved`: the program's
   * real path (Debian's `mysql` is MariaDB's client under another name).
   */
  command(program: string, paths: Record<string, string>, resolved?: string): { shellPath: string; shellArgs: string[]; env?: Record<string, string> };
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

/**
 * What makes a shell target unsafe to hand to a client, before anything is written or started;
 * undefined when it is fine. The host comes from the API and the names from whoever can create
 * users and databases on the cluster: data, never options. Names are passed only as option values
 * (`--database=`, `--user` with its value, an environment variable libpq does not expand, a URI
 * component), so they need no check here beyond being non-empty where a client needs them.
 */
export function shellTargetProblem(t: Pick<ShellTarget, 'host' | 'port' | 'user'>): string | undefined {
  const hostname = /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;
  const ipv6 = /^[0-9A-Fa-f:.]{2,45}$/;
  if (!hostname.test(t.host) && !(t.host.includes(':') && ipv6.test(t.host)))
    return `the host DigitalOcean gave (${JSON.stringify(t.host)}) is not a host name or an IP address`;
  if (!Number.isInteger(t.port) || t.port < 1 || t.port > 65535) return `the port DigitalOcean gave (${String(t.port)}) is not a port`;
  if (!t.user) return 'no user name';
  return undefined;
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
    files: { env: `REDISCLI_AUTH=${shellWord(t.password)}\nexport REDISCLI_AUTH\n`, 'ca.pem': t.ca },
    // the shell reads the password into the client's environment and deletes the file first
    command: (program, paths) => ({
      shellPath: '/bin/sh',
      shellArgs: [
        '-c',
        '. "$0" && rm -f "$0" && exec "$@"',
        paths.env,
        program,
        '-h',
        t.host,
        '-p',
        String(t.port),
        '--tls',
        '--cacert',
        paths['ca.pem'],
        ...(t.user && t.user !== 'default' ? ['--user', t.user] : []),
      ],
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
      files: { pgpass: `${[t.host, String(t.port), t.database, t.user, t.password].map(pgpassField).join(':')}\n`, 'ca.pem': t.ca },
      // Everything through libpq's environment, nothing on the command line: psql's -d takes a
      // connection string (a database named "host=… sslmode=disable" would redirect the session),
      // PGDATABASE is a plain name. verify-full: the server's certificate must chain to the
      // cluster's CA and name the host.
      command: (program, paths) => ({
        shellPath: program,
        shellArgs: [],
        env: {
          PGHOST: t.host,
          PGPORT: String(t.port),
          PGUSER: t.user,
          PGDATABASE: t.database,
          PGPASSFILE: paths.pgpass,
          PGSSLMODE: 'verify-full',
          PGSSLROOTCERT: paths['ca.pem'],
        },
      }),
    }),
  },
  mysql: {
    programs: ['mysql', 'mariadb'],
    install: 'mysql or mariadb (Debian/Ubuntu: apt install default-mysql-client; macOS: brew install mysql-client)',
    picksDatabase: true,
    launch: (t) => ({
      files: {
        'client.cnf': ['[client]', `host=${mysqlValue(t.host)}`, `port=${t.port}`, `user=${mysqlValue(t.user)}`, `password=${mysqlValue(t.password)}`, ''].join(
          '\n',
        ),
        'ca.pem': t.ca,
      },
      command: (program, paths, resolved = program) => ({
        shellPath: program,
        // --defaults-extra-file must come first; the database only as an option's value (a bare
        // argument "--host=…" would be read as an option); the server verified against the CA:
        // MySQL's --ssl-mode=VERIFY_IDENTITY, MariaDB's --ssl-verify-server-cert
        shellArgs: [
          `--defaults-extra-file=${paths['client.cnf']}`,
          ...(/mariadb[^/\\]*$/.test(resolved) ? ['--ssl', '--ssl-verify-server-cert'] : ['--ssl-mode=VERIFY_IDENTITY']),
          `--ssl-ca=${paths['ca.pem']}`,
          `--database=${t.database}`,
        ],
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
      // mongosh has no password variable: a script in the private file connects (every part of
      // the URI encoded, the CA named by tlsCAFile), then --shell stays interactive
      files: {
        'ca.pem': t.ca,
        'connect.js': (paths) =>
          `db = connect(${JSON.stringify(`mongodb+srv://${encodeURIComponent(t.user)}:${encodeURIComponent(t.password)}@${t.host}/${encodeURIComponent(t.database || 'admin')}?tls=true&authSource=admin&tlsCAFile=${encodeURIComponent(paths['ca.pem'])}`)});\n`,
      },
      command: (program, paths) => ({ shellPath: program, shellArgs: ['--nodb', '--quiet', '--shell', paths['connect.js']] }),
    }),
  },
};
