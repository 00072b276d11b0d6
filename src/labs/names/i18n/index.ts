/** The names lab's strings in the active language: English until a translation is set. */
import { namesEn, type NamesMessages } from './en';

export type { NamesMessages };

export let namesMsg: NamesMessages = namesEn;

export function setNamesMessages(messages: NamesMessages): void {
  namesMsg = messages;
}
