import { type Tag, tag } from '../../api/resources/tag';
import { mdTable } from '../format';
import { type Presenter } from './presenter';
import * as l10n from '@vscode/l10n';

export const tagPresenter: Presenter<Tag> = {
  kind: tag,
  placement: 'account',
  groupOrder: 200,
  icon: 'tag',
  description: (t) => `${t.resources.count} resource${t.resources.count === 1 ? '' : 's'}`,
  tooltip: (t) => mdTable(l10n.t('Tag {0}', t.name), [[l10n.t('Resources'), t.resources.count]]),
};
