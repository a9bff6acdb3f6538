/**
 * How one resource kind looks in the tree: label, description, icon, state, tooltip, cost and
 * children. One file per kind in this folder (index.ts finds its presenters); the kind itself
 * (paths, keys, types) is described once in src/api/resources.
 */
import type { DropletSize } from '../../api/resources/droplet';
import type { DigitalOceanClient, QueryValue, ResourceKind } from '../../api';
import type { ExplorerNode } from '../nodes/base';

/** What presenters may look up synchronously (from lists already loaded). */
export interface PresentContext {
  size(slug: string): DropletSize | undefined;
  dropletName(id: number): string | undefined;
  vpcName(id: string): string | undefined;
  now: number;
}

/** What presenters get to build their children. */
export interface ChildContext extends PresentContext {
  /** A cached list of a (nested) kind. */
  list<U>(kind: ResourceKind<U>, parents: string[]): Promise<U[]>;
  /** Resource nodes for items of a kind, under the node being expanded. */
  resources<U>(presenter: Presenter<U>, items: U[], parents: string[]): ExplorerNode[];
  /** A folder that loads its children when expanded (errors become an error node with Retry). */
  group(key: string, label: string, icon: string, load: () => Promise<ExplorerNode[]>, description?: string): ExplorerNode;
  /** A plain informational leaf. */
  message(key: string, label: string, detail?: string, icon?: string): ExplorerNode;
  /** A read that is not a list (an uptime check's state), made when the node is expanded. */
  read<U>(call: (client: DigitalOceanClient) => Promise<U>): Promise<U>;
}

export type Placement =
  /** Assigned to projects (URNs, or a project_id field). */
  | 'project'
  /** Account-wide: cannot belong to a project. */
  | 'account'
  /** Only ever shown below a parent resource. */
  | 'child';

export interface StateStyle {
  /** A word for the state, used in contextValue, descriptions and accessible labels. */
  state: string;
  /** Codicon for this state, when it differs from the kind's icon. */
  icon?: string;
  /** Theme colour id for the icon (e.g. "charts.green"). */
  color?: string;
}

export interface Presenter<T> {
  readonly kind: ResourceKind<T>;
  readonly placement: Placement;
  /** Where the kind's group sits among the groups of a project or account (lower first); unused for children. */
  readonly groupOrder?: number;
  /** Codicon name. */
  readonly icon: string;
  /** Other kinds whose lists its descriptions read (a VPC peering names its VPCs): loaded with its own. */
  readonly alongside?: readonly ResourceKind<never>[];
  /** Extra query for the kind's list (custom images: `private=true`). */
  readonly listQuery?: Record<string, QueryValue>;
  label?(item: T): string;
  description(item: T, ctx: PresentContext): string;
  /** Markdown. */
  tooltip(item: T, ctx: PresentContext): string;
  style?(item: T): StateStyle;
  /** Extra words for the node's contextValue, so menus can depend on them ("backups", "ipv6"). */
  flags?(item: T): string[];
  /** While true, the explorer polls this item until it settles. */
  transitional?(item: T): boolean;
  region?(item: T): string | undefined;
  ip?(item: T): string | undefined;
  /** Its other addresses (private IPv4, IPv6): Go to Resource finds it by them too. */
  otherIps?(item: T): string[];
  tags?(item: T): string[];
  /** Estimated monthly cost in USD. */
  monthlyCost?(item: T, ctx: PresentContext): number | undefined;
  /** For kinds placed in projects by a field rather than a URN (apps). */
  projectId?(item: T): string | undefined;
  children?(item: T, parents: string[], ctx: ChildContext): Promise<ExplorerNode[]>;
  /** The resource's page in the DigitalOcean control panel. */
  consoleUrl?(item: T, parents: string[]): string;
  /** What people most often do with one (a button in Go to Resource): a command taking the node. */
  readonly quickAction?: { command: string; title: string; icon: string };
}

export const CONTROL_PANEL = 'https://cloud.digitalocean.com';
