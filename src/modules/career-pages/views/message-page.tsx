import { renderPage, type BrandHeader } from './layout';

export interface MessagePageProps {
  title: string;
  message: string;
  brand?: BrandHeader;
  link?: { href: string; text: string };
}

/** Not found, rate limited, bad link: a heading, what happened, and where to go next. */
export function messagePage(props: MessagePageProps): string {
  return renderPage({
    title: props.title,
    brand: props.brand,
    noindex: true,
    children: (
      <>
        <h1>{props.title}</h1>
        <p>{props.message}</p>
        {props.link ? (
          <p>
            <a href={props.link.href}>{props.link.text}</a>
          </p>
        ) : null}
      </>
    ),
  });
}
