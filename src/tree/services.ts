/** What every node of the Resources view may use. Implemented by ResourceExplorer. */
import type { AccountInfo } from '../accounts/accountStore';
import type { AccountCache } from './cache';
import type { PresentContext } from './kinds/presenter';
import type { ExplorerNode } from './nodes/base';
import type { ResourceNode } from './nodes/resourceNode';

export type Grouping = 'project' | 'kind' | 'region';

export interface TreeServices {
  cacheFor(account: AccountInfo): AccountCache;
  present(account: AccountInfo): PresentContext;
  readonly grouping: Grouping;
  /** Lower-cased filter text, when a filter is set. */
  readonly filter: string | undefined;
  changed(node?: ExplorerNode): void;
  /** A resource node was created; the explorer polls it while it is in transition. */
  track(node: ResourceNode): void;
  /** What an action running on the resource says ("Powering off…"), while it runs. */
  transitionOf(resourceKey: string): string | undefined;
  /** Selecting a resource opens its detail panel (a setting). */
  readonly openDetailsOnSelect: boolean;
}
