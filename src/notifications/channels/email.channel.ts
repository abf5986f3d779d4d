import { Injectable } from '@nestjs/common';
import { MailService } from '../../mail/mail.service.js';
import { type ReminderContent, renderEmail } from '../reminder-message.js';
import { type DeliveryChannel, type DeliveryTarget, PermanentDeliveryError } from './channel.js';

/** E-mail over SMTP_URL: HTML + text, a link back to the record, one-click unsubscribe (RFC 8058). */
@Injectable()
export class EmailChannel implements DeliveryChannel {
  readonly name = 'email' as const;

  constructor(private readonly mail: MailService) {}

  available(): boolean {
    return this.mail.enabled;
  }

  async send(target: DeliveryTarget, content: ReminderContent): Promise<string | null> {
    if (!target.address) throw new PermanentDeliveryError('no e-mail address');
    const message = renderEmail(content);
    const headers: Record<string, string> = { 'X-CJN-Delivery': target.deliveryId };
    if (content.unsubscribeUrl) {
      headers['List-Unsubscribe'] = `<${content.unsubscribeUrl}>`;
      headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
    }
    return this.mail.send({
      to: target.address,
      ...message,
      headers,
      messageId: this.mail.messageIdFor(`delivery-${target.deliveryId}`),
    });
  }
}
