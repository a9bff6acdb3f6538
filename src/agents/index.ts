/**
 * The agent tools' code, loaded the first time an agent calls one (register.ts stands in for them
 * until then; on Node this is the bundle dist/agents.js). Every tool by name, and the one that
 * tells a model what there is: accounts, kinds, and what each tool does.
 */
import type * as vscode from 'vscode';
import { changeTools } from './changeTools';
import { createTools } from './createTool';
import { type Tools, answer, readTools } from './readTools';
import { type AgentServices, SEARCHED, accountsFor } from './resourceFinder';

export type { AgentServices } from './resourceFinder';

export function agentTools(services: AgentServices): Record<string, vscode.LanguageModelTool<never>> {
  const tools: Tools = { ...readTools(services), ...changeTools(services), ...createTools(services) };
  tools.digitalocean_list_kinds = {
    purpose: 'the accounts, the kinds of resource, and what each tool does',
    tool: {
      async invoke() {
        const accounts = accountsFor(services, undefined);
        return answer({
          accounts: accounts.map((a) => a.label),
          kinds: SEARCHED.map((p) => ({
            kind: p.kind.kind,
            label: p.kind.label,
            // what is loaded already: no request is made to say so
            loaded: Object.fromEntries(accounts.map((a) => [a.label, services.model.cacheFor(a).peek(p.kind)?.length ?? 'not loaded yet'])),
          })),
          tools: Object.fromEntries(Object.entries(tools).map(([name, t]) => [name, t.purpose])),
        });
      },
    },
  };
  return Object.fromEntries(Object.entries(tools).map(([name, t]) => [name, t.tool]));
}
