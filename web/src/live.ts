import { HubConnection, HubConnectionBuilder, HubConnectionState, LogLevel } from '@microsoft/signalr';
import type { PoolMessage } from './api';
import { t } from './i18n';

export interface PoolUpdated { poolId: string; categoryCode: string; status: string; memberCount: number; capacity: number; quorum: number; version: number }
export interface MatchFound { requestId: string; poolId: string; startedNewPool: boolean; memberCount: number; quorum: number }
export type NoticeKind = 'bidding-extended' | 'no-bids' | 'regrouped' | 'refilled' | 'awarded' | 'outcomes-verified';
export interface PoolNotice { poolId: string; kind: NoticeKind; status: string; biddingClosesAt: string | null; movedFrom: string | null }

export interface BillIssued { orderId: string; poolId: string; period: string; familyPaysCents: number; subsidyCents: number; shortOfBudget: boolean }

export interface LiveHandlers {
  /** A family of one of the signed-in family's pools wrote to the others. */
  poolMessage(event: PoolMessage): void;
  poolUpdated(event: PoolUpdated): void;
  matchFound(event: MatchFound): void;
  /** Something happened to a pool that its members (or staff) are told in words. */
  poolNotice(event: PoolNotice): void;
  /** A family's month was billed (or billed again); staff's budgets moved. */
  billIssued(event: BillIssued): void;
  budgetUpdated(): void;
  /** A family reported a pool message to the municipality's staff. */
  messageReported(): void;
  /** Push is best-effort: after a reconnect the page re-reads what it shows. */
  reconnected(): void;
}

let connection: HubConnection | null = null;
type LiveState = 'connected' | 'reconnecting' | 'disconnected';
let shown: LiveState | null = null;

/** Writes the connection badge again, in the language now chosen. */
export function refreshLiveState(): void {
  if (shown) showState(shown);
}

function showState(state: LiveState): void {
  shown = state;
  const badge = document.getElementById('connection');
  if (!badge) return;
  badge.textContent = t(state);
  badge.className = `badge ${state === 'connected' ? 'bg-success' : state === 'reconnecting' ? 'bg-warning text-dark' : 'bg-secondary'}`;
}

export async function connectLive(handlers: LiveHandlers): Promise<void> {
  await disconnectLive();
  connection = new HubConnectionBuilder()
    .withUrl('/hubs/marketplace')
    .withAutomaticReconnect()
    .configureLogging(LogLevel.Warning)
    .build();
  connection.on('poolUpdated', (event: PoolUpdated) => handlers.poolUpdated(event));
  connection.on('matchFound', (event: MatchFound) => handlers.matchFound(event));
  connection.on('poolNotice', (event: PoolNotice) => handlers.poolNotice(event));
  connection.on('poolMessage', (event: PoolMessage) => handlers.poolMessage(event));
  connection.on('billIssued', (event: BillIssued) => handlers.billIssued(event));
  connection.on('messageReported', () => handlers.messageReported());
  connection.on('budgetUpdated', () => {
    handlers.budgetUpdated();
  });
  connection.onreconnecting(() => showState('reconnecting'));
  connection.onreconnected(() => {
    showState('connected');
    handlers.reconnected();
  });
  connection.onclose(() => showState('disconnected'));
  try {
    await connection.start();
    showState('connected');
  } catch {
    showState('disconnected');
  }
}

export async function disconnectLive(): Promise<void> {
  if (connection && connection.state !== HubConnectionState.Disconnected) {
    await connection.stop();
  }
  connection = null;
}
