import { renderPage, type BrandHeader } from './layout';

export function thanksPage(view: { postingTitle: string | null; organizationName: string; brand: BrandHeader }): string {
  return renderPage({
    title: `Application received – ${view.organizationName}`,
    brand: view.brand,
    noindex: true,
    children: (
      <>
        <h1>Thank you for applying</h1>
        <p role="status">
          {view.postingTitle
            ? `Your application for ${view.postingTitle} has reached ${view.organizationName}.`
            : `Your application has reached ${view.organizationName}.`}{' '}
          The team will be in touch.
        </p>
        <p>
          <a href={view.brand.boardPath}>See other jobs at {view.organizationName}</a>
        </p>
      </>
    ),
  });
}
