/** A link the admin passes on by hand (no SMTP): what it is for, the link selected on focus, and a copy button. */
import { CopyButton } from '../../components/index.ts';

export function LinkToPassOn({ intro, label, link }: { intro: string; label: string; link: string }) {
  return (
    <div className="invite-result">
      <p>{intro}</p>
      <div className="row">
        <label className="grow">
          <span className="visually-hidden">{label}</span>
          <input className="url-box invite-link" dir="ltr" readOnly value={link} onFocus={(e) => e.currentTarget.select()} />
        </label>
        <CopyButton text={link} />
      </div>
    </div>
  );
}
