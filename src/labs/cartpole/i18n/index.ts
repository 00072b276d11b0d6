/** The CartPole lab's strings in the active language: English until a translation is set. */
import { cartpoleEn, type CartpoleMessages } from './en';

export type { CartpoleMessages };

export let cartpoleMsg: CartpoleMessages = cartpoleEn;

export function setCartpoleMessages(messages: CartpoleMessages): void {
  cartpoleMsg = messages;
}
