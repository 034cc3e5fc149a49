/** English comment fragments. */
import type { CommentBank } from './bank.ts';

export const EN: CommentBank = {
  openers: {
    detractor: ['Really disappointed.', 'Not happy at all.', "I've shopped here for years, but this was too much.", 'Terrible experience.', 'Would not recommend.', 'Same problem as last time.'],
    passive: ['Overall it was fine.', 'Not bad, but room to improve.', 'Average visit.', 'Happy with what I bought.', 'Mostly OK.'],
    promoter: ['Great as always!', 'Thank you so much!', 'Best store in the area.', 'Loved it.', 'Really impressed.', 'Lovely visit.'],
  },
  closers: {
    detractor: ["I won't be back.", 'Please sort this out.', "I'll shop elsewhere next time.", 'Hope someone actually reads this.', 'It used to be much better.'],
    passive: ['Fix that and it would be a 10.', 'Hope this gets better.', 'Otherwise all good.', 'Please work on it.'],
    promoter: ['Will definitely come back!', 'Keep it up!', 'Already recommended you to a friend.', 'Thanks to the whole team!', 'See you soon.'],
  },
  bridges: ['But', 'However,', 'The only downside:', 'That said,'],
  when: ['on Saturday', 'last night', 'at lunchtime', 'on Sunday afternoon', 'this morning', 'on Friday after work', 'at the weekend'],
  short: {
    detractor: ['Awful service', 'Queues!!!', 'Nobody cares about customers', 'Dirty and slow', 'Bad'],
    passive: ['OK', 'Fine', 'Nothing special', 'As usual', 'Decent'],
    promoter: ['All great!', 'Thanks!', 'Super', 'Very happy', 'Well done!', 'Loved everything'],
  },
  negative: {
    queue: ['Waited twenty minutes at the checkout with only one till open.', 'Queued for half an hour {when}, even though there are plenty of tills.', 'Self-checkouts were out of order so everyone was stuck in one line.', 'Huge queues while staff walked past without opening another till.'],
    rude_staff: ['The sales assistant was rude, as if I was bothering her.', 'Asked for another size and got an eye roll.', 'The security guard was rude to me at the entrance {when}.', 'The cashier was on her phone the whole time and never said hello.'],
    out_of_stock: ['My size has been out of stock for three weeks.', 'The website said in stock, the store had none.', 'Half-empty shelves, half the range missing.', 'Came {when} for the jacket from the ad and there were none left.'],
    dirty_fitting: ['Fitting rooms were dirty, hangers and tags all over the floor.', 'The mirror in the fitting room was smeared and the curtain would not close.', 'Long wait for the fitting rooms with half of them closed.', 'The fitting rooms were a mess {when}.'],
    app_crash: ['The app crashed at payment and my points were not applied.', 'Cannot log in, the app keeps throwing me out.', 'The loyalty card QR code in the app never loads.', 'Since the update the app does not open at all.'],
    price_mismatch: ['The shelf price was lower than what I was charged at the till.', 'The discount on the label did not apply at checkout.', 'The 2-for-1 offer did not work and I had to argue.', 'Labels were mixed up and nobody could tell me the price.'],
    no_staff: ['Could not find a single assistant on the floor.', 'Wanted to ask about sizes but there was nobody to ask.', 'One member of staff for the whole floor {when}.'],
    long_hold: ['Forty minutes on hold listening to music.', 'Only got through on the fifth attempt.', 'The hotline promised a call back that never came.'],
    slow_reply: ['It took four days to answer my email.', 'Got a template reply that had nothing to do with my question.', 'Wrote to the chat {when} and got an answer the next day.'],
    refund: ['Still no refund two weeks after the return.', 'They made me fill in a paper form for a refund and wait.', 'Promised the money back in three days, it has been a month.'],
    transferred: ['Got transferred three times and had to explain everything again each time.', 'The agent did not know and transferred me to a department that hung up.', 'Every agent tells you something different.'],
  },
  positive: {
    helpful_staff: ['The assistant helped me find my size and brought several options.', 'Staff are friendly and not pushy.', 'Someone came over and helped me find the right model.', 'Very attentive staff, they explained everything.'],
    fast_checkout: ['Checkout was quick, no queue.', 'Self-checkouts are a lifesaver.', 'They opened extra tills {when}, I was through in two minutes.'],
    assortment: ['Great choice, found everything I was looking for.', 'Loved the new collection.', 'Good range of sizes, even the unusual ones.'],
    clean_store: ['The store is clean and bright, nice to be in.', 'Fitting rooms are clean and spacious.', 'Everything neatly arranged, easy to find.'],
    promo: ['Good discounts with the loyalty card.', 'Made it to the sale, great prices.', 'Points are added right away, very convenient.'],
    app_good: ['Handy to check store stock in the app.', 'Ordered in the app and picked it up in ten minutes.', 'The e-receipt in the app is convenient.'],
    quick_support: ['The agent answered almost immediately.', 'Sorted in five minutes.', 'Chat replied within a minute, clear and to the point.'],
    polite_operator: ['The agent was very polite and patient.', 'The lady on the phone explained everything in detail.', 'Pleasant to talk to, very friendly.'],
    solved_first_time: ['Solved on the first contact.', 'They processed the return during the call.', 'No transfers, they handled it themselves.'],
  },
};
