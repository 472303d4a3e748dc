import type { ComponentChildren } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { STYLESHEET_PATH } from '../page-headers';

export interface BrandHeader {
  name: string;
  boardPath: string;
  logoPath: string | null;
}

export interface LayoutProps {
  title: string;
  description?: string;
  canonical?: string;
  /** Extra head elements (OpenGraph, JSON-LD). */
  head?: ComponentChildren;
  brand?: BrandHeader;
  /** Noindex pages: forms, errors. */
  noindex?: boolean;
  children: ComponentChildren;
}

export function Layout(props: LayoutProps) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{props.title}</title>
        {props.description ? <meta name="description" content={props.description} /> : null}
        {props.canonical ? <link rel="canonical" href={props.canonical} /> : null}
        {props.noindex ? <meta name="robots" content="noindex" /> : null}
        <link rel="stylesheet" href={STYLESHEET_PATH} />
        {props.head}
      </head>
      <body>
        <a class="skip" href="#main">
          Skip to content
        </a>
        <header class="site-header">
          <div class="wrap">
            {props.brand ? (
              <a class="brand" href={props.brand.boardPath}>
                {props.brand.logoPath ? <img src={props.brand.logoPath} alt="" width={48} height={48} /> : null}
                <span>{props.brand.name}</span>
              </a>
            ) : (
              <span class="brand">
                <span>Jobgate</span>
              </span>
            )}
          </div>
        </header>
        <main id="main" class="wrap">
          {props.children}
        </main>
        <footer class="site-footer">
          <div class="wrap">Powered by Jobgate</div>
        </footer>
      </body>
    </html>
  );
}

/** A whole document. Preact escapes every text and attribute value; raw HTML only enters through an explicit `dangerouslySetInnerHTML`. */
export function renderPage(props: LayoutProps): string {
  return `<!doctype html>${renderToString(<Layout {...props} />)}`;
}
