/**
 * @module The demo's action plans (docs/demo.md "Action plans"), in step with the stores' profiles
 * (./structure.ts): at KZN-02, the store whose answers improve month after month (trend +2.0, complaints about
 * rude staff and queues), a cashier training started three months ago shows a significant NPS improvement;
 * at MSK-04, which gets worse, a queue plan started six weeks ago has not turned it round; a third plan is
 * planned for next month, so it has nothing to measure yet. Pure and deterministic for a given `now`.
 */
import { addDays } from '../time/orgCalendar.ts';

export interface DemoActionPlan {
  title: string;
  description: string;
  status: 'planned' | 'active' | 'done' | 'dropped';
  /** Store codes (keys of DEMO_LOCATIONS). */
  stores: readonly string[];
  /** Key of a default root cause (DEFAULT_ROOT_CAUSES). */
  rootCause: string;
  /** NPS points the plan aims at. */
  target: number;
  startDate: string;
  dueDate: string | null;
}

/** @param today the organisation's today (YYYY-MM-DD, Moscow) */
export function demoActionPlans(today: string): DemoActionPlan[] {
  return [
    {
      title: 'Train cashiers at Park House (KZN-02)',
      description: 'Two-day course on greeting customers and handling queues, after months of complaints about rude staff and waiting at the tills.',
      status: 'active', stores: ['KZN-02'], rootCause: 'training_gap', target: 35,
      startDate: addDays(today, -91), dueDate: addDays(today, 30),
    },
    {
      title: 'Open a second till at peak hours (MSK-04)',
      description: 'An extra cashier from 17:00 to 21:00 and at weekends, to cut the queues customers complain about.',
      status: 'active', stores: ['MSK-04'], rootCause: 'understaffing', target: 30,
      startDate: addDays(today, -42), dueDate: addDays(today, 48),
    },
    {
      title: 'Fitting-room cleaning checklist (MSK-04, MSK-07)',
      description: 'A cleaning round every hour, signed on a checklist at the fitting rooms.',
      status: 'planned', stores: ['MSK-04', 'MSK-07'], rootCause: 'process', target: 25,
      startDate: addDays(today, 14), dueDate: addDays(today, 74),
    },
  ];
}
