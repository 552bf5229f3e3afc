/** A CSS-only spinner: the portal shows it before any component library has loaded. */
export function PageSpinner() {
  return (
    <div className="ef-page-spin" role="progressbar" aria-busy="true">
      <span className="ef-spinner" />
    </div>
  );
}
