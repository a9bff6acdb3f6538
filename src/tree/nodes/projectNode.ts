import * as vscode from 'vscode';
import type { Project } from '../../api';
import type { AccountNode } from './accountNode';
import { ExplorerNode } from './base';

/** A project of an account. Its resources come with the explorer issue. */
export class ProjectNode extends ExplorerNode {
  readonly id: string;

  constructor(
    override readonly parent: AccountNode,
    readonly project: Project,
  ) {
    super();
    this.id = `${parent.id}/project:${project.id}`;
  }

  toTreeItem(): vscode.TreeItem {
    const p = this.project;
    const item = new vscode.TreeItem(p.name, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.contextValue = p.is_default ? 'project.default' : 'project';
    const environment = p.environment && p.environment !== p.name ? p.environment : undefined;
    item.description = [p.is_default ? 'default' : undefined, environment].filter(Boolean).join(' · ');
    item.tooltip = [p.name, p.description, p.purpose].filter(Boolean).join('\n');
    item.iconPath = new vscode.ThemeIcon(p.is_default ? 'star-full' : 'folder');
    item.accessibilityInformation = { label: `Project ${p.name}${p.is_default ? ', default project' : ''}${p.environment ? `, ${p.environment}` : ''}` };
    return item;
  }
}
