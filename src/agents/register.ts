/**
 * The agent tools from activation on, without their code: a stand-in for each tool package.json
 * declares, which loads the tools' module (index.ts; on Node the bundle dist/agents.js) the first
 * time an agent calls one, and hands the call on. Registered only where the editor has language
 * model tools (VS Code 1.95 and later, desktop and web).
 */
import * as vscode from 'vscode';
import type { AgentServices } from './resourceFinder';

export interface AgentToolsModule {
  agentTools(services: AgentServices): Record<string, vscode.LanguageModelTool<never>>;
}

export interface AgentTools {
  disposables: vscode.Disposable[];
  /** The stand-ins, by name (what VS Code calls). */
  tools: Record<string, vscode.LanguageModelTool<never>>;
  /** The tools the loaded module implements; undefined until one was called. */
  implemented(): string[] | undefined;
}

export function registerAgentTools(declared: readonly string[], services: AgentServices, load: () => AgentToolsModule): AgentTools {
  let real: Record<string, vscode.LanguageModelTool<never>> | undefined;
  const tool = (name: string) => {
    real ??= load().agentTools(services);
    const found = real[name];
    if (!found) throw new Error(`The tool ${name} is declared but not built.`);
    return found;
  };
  const tools: Record<string, vscode.LanguageModelTool<never>> = Object.fromEntries(
    declared.map((name) => [
      name,
      {
        prepareInvocation: (options, token) => tool(name).prepareInvocation?.(options, token),
        invoke: (options, token) => tool(name).invoke(options, token),
      } satisfies vscode.LanguageModelTool<never>,
    ]),
  );
  const disposables = typeof vscode.lm?.registerTool === 'function' ? Object.entries(tools).map(([name, t]) => vscode.lm.registerTool(name, t)) : [];
  return { disposables, tools, implemented: () => (real ? Object.keys(real) : undefined) };
}
