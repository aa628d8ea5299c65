import type { Transporter } from 'nodemailer';
import type { NotifyChannel, NotifyParams } from '../../core/contracts/notify';

/** How long a webhook receiver may take before the attempt counts as failed. */
const WEBHOOK_TIMEOUT_MS = 10_000;

export interface ChannelSenders {
  /** Absent when no SMTP server is configured: e-mail channels then fail with that reason. */
  mail?: { transport: Transporter; from: string };
}

/**
 * Sends one notification on one channel. The idempotency key (job and channel) travels
 * with it as Message-ID or Idempotency-Key, so a receiver can drop the copy sent again if
 * the worker died between sending and recording the delivery.
 */
export async function sendOnChannel(
  senders: ChannelSenders,
  channel: NotifyChannel,
  params: NotifyParams,
  idempotencyKey: string,
): Promise<string> {
  const body = params.link ? `${params.text}\n\n${params.link}` : params.text;
  if (channel.kind === 'desktop') {
    // The control room shows it from the live feed on the desks where the user is signed
    // in (the alert's transition reaches them there); nothing to send from here.
    return 'handed to the live feed: desks with desktop notifications on show it';
  }
  if (channel.kind === 'email') {
    if (!senders.mail) throw new Error('no SMTP server is configured (FIRN_SMTP_URL)');
    const info = await senders.mail.transport.sendMail({
      from: senders.mail.from,
      to: channel.to,
      subject: `[${params.severity}] ${params.subject}`,
      text: body,
      messageId: `<${idempotencyKey.replace(/[^A-Za-z0-9.-]/g, '.')}@firn>`,
    });
    return `accepted by SMTP: ${info.accepted?.length ?? 0} recipient(s)`;
  }
  const payload =
    channel.format === 'slack'
      ? { text: `*${params.subject}* (${params.severity})\n${body}` }
      : {
          subject: params.subject,
          text: params.text,
          severity: params.severity,
          link: params.link ?? null,
        };
  const res = await fetch(channel.url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': idempotencyKey },
    body: JSON.stringify(payload),
    signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
  });
  if (!res.ok) throw new Error(`webhook answered ${res.status}`);
  return `webhook answered ${res.status}`;
}
