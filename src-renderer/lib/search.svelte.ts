// The search screen's query. It lives with the app, not the screen, so it survives a visit to another screen.
export class SearchState {
  #query = $state('');
  #trimmed = $derived(this.#query.trim());

  get query(): string {
    return this.#query;
  }

  set query(value: string) {
    this.#query = value;
  }

  /** The query without surrounding blanks; empty means "nothing asked yet". */
  get trimmed(): string {
    return this.#trimmed;
  }
}
