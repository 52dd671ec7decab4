// STUB (to be replaced by the identity work): the citizen's links in the header (Mine saker, sign in/out).
export async function CitizenNav() {
  return null;
}
