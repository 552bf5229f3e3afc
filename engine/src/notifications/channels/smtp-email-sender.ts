import nodemailer, { type Transporter } from 'nodemailer';
import type { MessageSender, OutgoingMessage } from '../../messaging/message-sender';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/**
 * E-mail over SMTP (ESTATEFLOW_SMTP_URL, e.g. smtps://user:password@smtp.example.com:465).
 * Notification texts are plain text; the HTML part escapes them here, at the one place HTML is made.
 */
export class SmtpEmailSender implements MessageSender {
  private readonly transport: Transporter;
  private readonly from: string;

  constructor(input: { url: string; from: string }) {
    this.transport = nodemailer.createTransport(input.url);
    this.from = input.from;
  }

  async send(message: OutgoingMessage): Promise<void> {
    const html = `<div style="font-family: sans-serif; white-space: pre-wrap">${escapeHtml(message.text)}</div>`;
    await this.transport.sendMail({ from: this.from, to: message.to, subject: message.title ?? 'EstateFlow', text: message.text, html });
  }
}
