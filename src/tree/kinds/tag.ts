import { type Tag, tag } from '../../api/resources/tag';
import { mdTable } from '../format';
import { type Presenter } from './presenter';

export const tagPresenter: Presenter<Tag> = {
  kind: tag,
  placement: 'account',
  groupOrder: 200,
  icon: 'tag',
  description: (t) => `${t.resources.count} resource${t.resources.count === 1 ? '' : 's'}`,
  tooltip: (t) => mdTable(`Tag ${t.name}`, [['Resources', t.resources.count]]),
};
