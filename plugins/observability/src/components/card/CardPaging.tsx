/*
 * The card's "Who gets paged" section.
 */
import { PagingRoute } from '@lookout/plugin-observability-common';
import { WhoGetsPaged } from '../shared/WhoGetsPaged';
import { CardSection } from './CardSection';

/** Props of {@link CardPaging}. */
export interface CardPagingProps {
  paging?: PagingRoute[];
}

/** Where the entity's alerts go; nothing for an entity without SLO alerts. */
export function CardPaging(props: CardPagingProps) {
  if (!props.paging || props.paging.length === 0) {
    return null;
  }
  return (
    <CardSection title="Who gets paged">
      <WhoGetsPaged paging={props.paging} />
    </CardSection>
  );
}
