/** A link the admin passes on by hand (no SMTP): what it is for, the link selected on focus, and a copy button. */
import { CopyableUrl } from '../../components/index.ts';

export function LinkToPassOn({ intro, label, link }: { intro: string; label: string; link: string }) {
  return (
    <div className="invite-result">
      <p>{intro}</p>
      <CopyableUrl url={link} label={label} className="invite-link" />
    </div>
  );
}
