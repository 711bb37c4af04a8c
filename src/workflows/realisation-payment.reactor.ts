import { Logger } from '@nestjs/common';
import { v5 as uuidv5 } from 'uuid';
import { DomainError } from '../common/domain-error';
import { MoneyJson } from '../common/money';
import { RecordedEvent } from '../event-store/event-store.port';
import { CommandHandler } from '../ledger/command-handling/command-handler';
import { confiscationAggregate } from '../ledger/confiscation/confiscation.aggregate';
import { reactionEnvelope } from '../ledger/command-handling/reaction-envelope';
import { Reactor } from './reactor';

const NAME = 'realisation-payment';
const RECEIPT_NAMESPACE = 'c2a4e6f8-1b3d-5e7f-9a0c-2d4f6b8e0a1c';

/**
 * An asset realised towards a confiscation order → PaymentReceived on that order for the net
 * proceeds (method asset_realisation), with the receiver's expenses to apply first (s.55(4)); the
 * decider applies any s.10A determination of the defendant's interest in the asset. The receipt
 * id derives from the realisation event, so the payment is written once however often the event
 * is seen. Proceeds beyond what the order owes are recorded, not refused: the receipt pays what is
 * owed and the surplus is a refund due to the defendant (`acknowledgeOverpayment`; the proceeds
 * are in hand, refusing them would only hide them). Any other refusal is logged and shows in the
 * reconciliation as `realisation_without_payment`.
 */
export class RealisationPaymentReactor implements Reactor {
  readonly name = NAME;
  readonly filter = { eventTypePrefixes: ['AssetRealised'] };
  private readonly logger = new Logger('RealisationPayment');

  constructor(private readonly handler: CommandHandler) {}

  async handle(event: RecordedEvent): Promise<void> {
    if (event.type !== 'AssetRealised') return;
    const data = event.data as unknown as {
      netProceeds: MoneyJson;
      receiverExpenses?: MoneyJson;
      confiscationOrderId?: string;
      occurredAt?: string;
    };
    if (!data.confiscationOrderId) return;
    const assetId = event.streamId.slice('asset-'.length);
    const envelope = reactionEnvelope(NAME, event, data.confiscationOrderId);
    try {
      await this.handler.handle(
        confiscationAggregate,
        data.confiscationOrderId,
        {
          type: 'ReceivePayment',
          now: envelope.now,
          data: {
            receiptId: uuidv5(event.id, RECEIPT_NAMESPACE),
            amount: data.netProceeds,
            method: 'asset_realisation',
            assetId,
            reference: `Realisation of asset ${assetId}`,
            acknowledgeOverpayment: true,
            // s.55(2): the sum paid in reduces the order in full; s.55(4)(b) applies the
            // receiver's remuneration and expenses first out of it.
            ...(data.receiverExpenses && {
              expenses: { enforcementReceiver: data.receiverExpenses },
            }),
            occurredAt: data.occurredAt,
          },
        },
        envelope,
      );
    } catch (error) {
      if (error instanceof DomainError && error.code === 'already_exists') return; // paid already
      if (!(error instanceof DomainError)) throw error;
      // Not payable as recorded (order unknown, discharged, dated behind later receipts): finance
      // reconciles it as an exception (a realisation linked to an order without its payment).
      this.logger.warn(
        `payment for realisation of ${assetId} into order ${data.confiscationOrderId} refused: ${error.code}: ${error.message}`,
      );
    }
  }
}
