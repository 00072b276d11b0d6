/**
 * The active UI strings. Components import `msg` and read it at render time, so switching
 * language is `setMessages(es)` followed by a re-render; components never change.
 */
import { en, type Messages } from './en';

export type { Messages } from './en';
export { en } from './en';

/** The strings in use now (an ES live binding: importers see `setMessages` take effect). */
export let msg: Messages = en;

export function setMessages(messages: Messages): void {
  msg = messages;
}
