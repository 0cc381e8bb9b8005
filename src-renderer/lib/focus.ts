// Moving focus to a field of the case form from elsewhere on the screen (the trail's "Change", the list of
// values still to fill in). A field inside a closed <details> is revealed first.

/** Ids of the case form's fields. */
export const FIELD_IDS = {
  symptom: 'case-symptom',
  topology: 'case-topology',
  exchange: 'case-exchange',
  cloud: 'case-cloud',
  dirsync: (state: string) => `case-dirsync-${state}`,
  feature: (id: string, state: string) => `case-feature-${id}-${state}`,
  name: (name: string) => `case-name-${name}`,
} as const;

/** Focuses the element with this id, opening any <details> around it; false when there is none. */
export function focusField(id: string, doc: Document = document): boolean {
  const element = doc.getElementById(id);
  if (!(element instanceof HTMLElement)) return false;
  for (let parent = element.parentElement; parent; parent = parent.parentElement) {
    if (parent instanceof HTMLDetailsElement) parent.open = true;
  }
  element.focus();
  return doc.activeElement === element;
}
