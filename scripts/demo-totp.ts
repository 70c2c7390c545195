// Prints the demo officers' current two-factor code (development only: the demo secret is public, in the README).
//   npm run demo:code
import { generateSync } from 'otplib';
import { DEMO_TOTP_SECRET } from '../src/server/db/seed/demo-data';

const now = Math.floor(Date.now() / 1000);
const left = 30 - (now % 30);
console.log(`${generateSync({ secret: DEMO_TOTP_SECRET, epoch: now })}  (valid ${left} s more; demo accounts only)`);
