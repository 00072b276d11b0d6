/** The MNIST lab's strings in the active language: English until a translation is set. */
import { mnistEn, type MnistMessages } from './en';

export type { MnistMessages };

export let mnistMsg: MnistMessages = mnistEn;

export function setMnistMessages(messages: MnistMessages): void {
  mnistMsg = messages;
}
