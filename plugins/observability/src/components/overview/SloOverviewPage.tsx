/*
 * The SLO overview as a full page (header and content), for apps on the legacy frontend system.
 */
import { Content, Header, Page } from '@backstage/core-components';
import {
  SloOverviewContent,
  SloOverviewContentProps,
} from './SloOverviewContent';

/** Props of {@link SloOverviewPage}. @public */
export type SloOverviewPageProps = SloOverviewContentProps;

/**
 * Page listing every SLO in the catalog.
 * @public
 */
export function SloOverviewPage(props: SloOverviewPageProps) {
  return (
    <Page themeId="tool">
      <Header
        title="Service level objectives"
        subtitle="Every SLO declared in the catalog, worst first"
      />
      <Content>
        <SloOverviewContent {...props} />
      </Content>
    </Page>
  );
}
