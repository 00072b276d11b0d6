/** The 2-D lab's strings in the active language: English until a translation is set. */
import { toy2dEn, type Toy2dMessages } from './en';

export type { Toy2dMessages };

export let toy2dMsg: Toy2dMessages = toy2dEn;

export function setToy2dMessages(messages: Toy2dMessages): void {
  toy2dMsg = messages;
}
