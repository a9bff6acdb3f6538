/** What every node of the Resources view may use. Implemented by ResourceExplorer. */
import type { AccountInfo } from '../accounts/accountStore';
import type { AccountCache } from '../model/accountCache';
import type { PresentContext } from './kinds/presenter';
import type { ExplorerNode } from './nodes/base';
import type { ResourceRef } from '../model/resourceModel';
import type { AnyPresenter } from './kinds';
import type { Bucket } from '../api/spaces/spaces';
import type { SpacesModel } from '../model/spaces';
import type { SummaryStore } from '../accounts/summaryStore';

/** What the Spaces nodes use. */
export interface SpacesTreeServices {
  readonly spaces: SpacesModel;
  /** Bucket nodes register here so that a change in a bucket redraws it. */
  showBucket(node: ExplorerNode & { readonly account: AccountInfo; readonly bucket: Bucket }): void;
}

export type Grouping = 'project' | 'kind' | 'region';

/** What the view tells the model of a resource node it shows. */
export interface ShownResource {
  readonly resourceKey: string;
  readonly ref: ResourceRef;
  /** The copy the node was made with (from a list or its parent): it becomes the model's newest. */
  readonly ownItem: unknown;
  readonly presenter: AnyPresenter;
}

export interface TreeServices extends SpacesTreeServices {
  cacheFor(account: AccountInfo): AccountCache;
  present(account: AccountInfo): PresentContext;
  readonly grouping: Grouping;
  /** Lower-cased filter text, when a filter is set. */
  readonly filter: string | undefined;
  changed(node?: ExplorerNode): void;
  /** A resource node was created; the model polls it while it is in transition. */
  track(node: ShownResource): void;
  /** The newest copy of a resource the model has, by key. */
  itemOf(resourceKey: string): unknown;
  /** What an action running on the resource says ("Powering off…"), while it runs. */
  transitionOf(resourceKey: string): string | undefined;
  /** Words for a resource's contextValue from outside the tree (ResourceExplorer.addMarker). */
  marksOf(kind: string, item: unknown): string[];
  /** Selecting a resource opens its detail panel (a setting). */
  readonly openDetailsOnSelect: boolean;
  /** Each account's counts and costs as last loaded, shown at once on the next start. */
  readonly summaries: SummaryStore;
}
