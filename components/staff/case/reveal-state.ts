// What the "Vis fødselsnummer" server action answers (with or without JavaScript): the full number
// for this one page view, or that the case holds none, or an error id. Texts are translated on the
// client side from props, so the state holds data only.
export type RevealState = {
  number?: string;
  none?: boolean;
  errorId?: string;
};
