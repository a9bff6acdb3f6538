/**
 * DigitalOcean's MCP servers: the hosted ones, one per product area at
 * `https://<service>.mcp.digitalocean.com/mcp` (Streamable HTTP, `Authorization: Bearer <token>`),
 * and the local `@digitalocean/mcp` program, which serves the same areas over stdio with the token
 * in its environment (`DIGITALOCEAN_API_TOKEN`), never on its command line. No vscode.
 */

/** The product areas DigitalOcean hosts an MCP server for. */
export const MCP_SERVICES = ['accounts', 'apps', 'databases', 'doks', 'droplets', 'insights', 'marketplace', 'networking', 'spaces'] as const;
export type McpService = (typeof MCP_SERVICES)[number];

export const isMcpService = (value: unknown): value is McpService => typeof value === 'string' && (MCP_SERVICES as readonly string[]).includes(value);

/** The hosted server of a product area. */
export function hostedMcpUrl(service: McpService): string {
  return `https://${service}.mcp.digitalocean.com/mcp`;
}

/** The local program's arguments: the areas it serves and the API it talks to (the token goes in its environment). */
export function localMcpArgs(services: readonly McpService[], apiUrl: string): string[] {
  return ['--transport', 'stdio', '--services', services.join(','), '--digitalocean-api-endpoint', apiUrl];
}
