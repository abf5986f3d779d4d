import type { Channel } from '../../users/user.entity.js';
import type { ReminderContent } from '../reminder-message.js';

/** Where one delivery goes: a user (by e-mail, chat or inbox) or a group chat. */
export interface DeliveryTarget {
  userId: string | null;
  /** e-mail address, Telegram chat id, or null for the in-app inbox */
  address: string | null;
  deliveryId: string;
}

/** One small interface per channel: say whether it is configured, and send one message. */
export interface DeliveryChannel {
  readonly name: Channel;
  available(): boolean;
  /** Sends; returns the provider's message id. Throws to retry, PermanentDeliveryError to give up. */
  send(target: DeliveryTarget, content: ReminderContent): Promise<string | null>;
}

/** Retrying cannot help (a blocked or deleted chat, no address): the delivery fails at once. */
export class PermanentDeliveryError extends Error {}

/** The provider asked us to wait (Telegram 429 retry_after, our own pacing). */
export class RetryLaterError extends Error {
  constructor(
    readonly waitMs: number,
    message = `retry in ${waitMs} ms`,
  ) {
    super(message);
  }
}

export const DELIVERY_CHANNELS = Symbol('DELIVERY_CHANNELS');
