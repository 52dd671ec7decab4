import Link from "next/link";

/** The "page not found" text, inside whichever frame (citizen or staff) the 404 happened in. */
export function NotFoundBody(props: { heading: string; body: string; link: string; href: string }) {
  return (
    <>
      <h1 className="ds-heading" data-size="lg">
        {props.heading}
      </h1>
      <p className="ds-paragraph mt-2">{props.body}</p>
      <p className="mt-4">
        <Link className="ds-link" href={props.href}>
          {props.link}
        </Link>
      </p>
    </>
  );
}
