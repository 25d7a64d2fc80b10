import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { canonicalText } from './normalize-paragraph';
import { parsePlainTextArticle } from './parse-plain-text-article';

const fixturePath = fileURLToPath(new URL('../../demo/the-week-russia-blames-phones.txt', import.meta.url));
const fixture = readFileSync(fixturePath, 'utf8');

describe('parsePlainTextArticle on the real The Week copy', () => {
  const article = parsePlainTextArticle(fixture);

  it('takes the first line as title and the standfirst as dek', () => {
    expect(article.title).toBe('Following deadly Ukrainian attack, Russia puts blame on its own soldiers');
    expect(article.dek).toBe(
      'Russia is seemingly blaming the use of cell phones by its own soldiers for a Ukrainian missile attack that killed almost 100 people.',
    );
  });

  it('keeps exactly the six body paragraphs, in order', () => {
    expect(article.paragraphs).toEqual([
      "The attack, which occurred on New Year's Day and targeted a base housing conscripted soldiers in the Russian-occupied territory of Donetsk, reportedly left 89 people dead and dozens wounded.",
      'In a statement posted late Tuesday on the social media website Telegram, Russian Lt. Gen. Sergei Sevryukov wrote that it was "already obvious that the main reason, despite the restriction, was turning on and massive use of mobile phones by the personnel within the range area of enemy firepower."',
      'Sevryukov went on to claim that this cell phone usage "allowed the enemy to locate the personnel for launching the missile strike."',
      'However, in a rare show of dissidence, many Russians seemed to disagree with the stance that cell phones were to blame for the attack.',
      'Semyon Pegov, a nationally known blogger who publishes pro-Russian propaganda and has been personally decorated by Russian President Vladimir Putin, wrote on his own Telegram page that Sevryukov\'s statement was "a blatant attempt to smear blame." Pegov also warned that more death would come if the Russians kept blaming each other.',
      'Ukrainian officials also shrugged off the assertion that cell phones led them to the Russian base. "Of course, using phones with geolocation is a mistake. But it is clear that this version looks a bit ridiculous," Ukrainian Armed Forces spokesperson Serhii Cherevatyi said, per CNN. "It is clear that [cell phones] were not the main reason."',
    ]);
  });

  it('drops the site name, the newsletter box, the email pitch, the bio and every related story, with reasons', () => {
    const reasonOf = (start: string) => article.classified.find((p) => p.text.startsWith(start))?.reason;
    expect(reasonOf('The Week')).toBe('site-name');
    expect(reasonOf('Escape your echo chamber.')).toBe('promo');
    expect(reasonOf("Sign up for The Week's Free Newsletters")).toBe('newsletter');
    expect(article.classified.filter((p) => p.text.startsWith('From our morning news briefing')).map((p) => p.isBoilerplate)).toEqual([
      true,
      true,
    ]);
    expect(reasonOf('A free daily email with the biggest news stories')).toBe('newsletter');
    expect(reasonOf('Justin Klawans has worked as a staff writer')).toBe('author-bio');

    const related = fixture.split('\n').slice(16).filter((line) => line.trim() !== '-' && line.trim() !== '');
    expect(related).toHaveLength(11);
    for (const line of related) {
      const entry = article.classified.find((p) => p.text === line.trim());
      expect(entry, line).toBeDefined();
      expect(entry?.isBoilerplate, line).toBe(true);
      expect(entry?.reason, line).toBe('related-stories');
    }
    expect(article.classified.filter((p) => p.text === '-').every((p) => p.reason === 'separator')).toBe(true);
  });

  it('classifies every body line once, so the preview can restore any of them', () => {
    const bodyLines = fixture.split('\n').map((l) => l.trim()).filter(Boolean).slice(2);
    expect(article.classified.map((p) => p.text)).toEqual(bodyLines);
    expect(article.classified.filter((p) => !p.isBoilerplate).map((p) => p.text)).toEqual(article.paragraphs);
  });

  it('infers the author from the bio and the publisher from the site-name line', () => {
    expect(article.author).toBe('Justin Klawans');
    expect(article.publisher).toBe('The Week');
    expect(article.url).toBeNull();
    expect(article.publishedAt).toBeNull();
  });

  it('produces canonical text with the claims the demo relies on and no boilerplate', () => {
    const text = canonicalText(article.paragraphs);
    expect(text).toContain('left 89 people dead');
    expect(text).toContain('massive use of mobile phones');
    expect(text).toContain('a blatant attempt to smear blame');
    expect(text).not.toMatch(/newsletter|inbox|Klawans|Big Question/i);
  });
});

describe('parsePlainTextArticle on other sites’ boilerplate', () => {
  it('local news: byline, dateline, share bar, ads, inline read-more, photo credit and a copyright footer', () => {
    const article = parsePlainTextArticle(
      [
        'Riverside council approves flood barrier after decade of delays',
        'By Maria Lopez',
        'Published 4 March 2024',
        'A £14m barrier along the River Wen has finally been approved, ending a dispute that began after the 2014 floods.',
        'Share this article',
        'Facebook',
        'Twitter',
        'Councillors voted 9–2 on Tuesday to fund the barrier, which will run for 1.2 kilometres along the eastern bank and protect around 3,000 homes.',
        'Advertisement',
        '“We have waited ten years for this,” said councillor Ann Briggs, who represents the Eastbank ward.',
        'Read more: Flood insurance premiums double in Eastbank',
        'Opponents argued that the money would be better spent on upstream tree planting, which the Environment Agency says could cut peak flows by up to 20%.',
        'Photo: Riverside Gazette',
        'Work is due to start in the autumn and finish by 2027.',
        'Story continues below advertisement',
        '© 2024 Riverside Gazette. All rights reserved.',
        'Privacy policy',
        'Terms of use',
        'Contact us',
      ].join('\n'),
    );
    expect(article.title).toBe('Riverside council approves flood barrier after decade of delays');
    expect(article.dek).toBe(
      'A £14m barrier along the River Wen has finally been approved, ending a dispute that began after the 2014 floods.',
    );
    expect(article.paragraphs).toEqual([
      'Councillors voted 9–2 on Tuesday to fund the barrier, which will run for 1.2 kilometres along the eastern bank and protect around 3,000 homes.',
      '“We have waited ten years for this,” said councillor Ann Briggs, who represents the Eastbank ward.',
      'Opponents argued that the money would be better spent on upstream tree planting, which the Environment Agency says could cut peak flows by up to 20%.',
      'Work is due to start in the autumn and finish by 2027.',
    ]);
    const reasons = Object.fromEntries(article.classified.map((p) => [p.text, p.reason]));
    expect(reasons).toMatchObject({
      'By Maria Lopez': 'byline',
      'Published 4 March 2024': 'dateline',
      'Share this article': 'share',
      Facebook: 'share',
      Advertisement: 'advertisement',
      'Read more: Flood insurance premiums double in Eastbank': 'read-more',
      'Photo: Riverside Gazette': 'image-credit',
      'Story continues below advertisement': 'advertisement',
      '© 2024 Riverside Gazette. All rights reserved.': 'copyright',
      'Privacy policy': 'footer',
      'Contact us': 'footer',
    });
    expect(article.author).toBe('Maria Lopez');
    expect(article.publisher).toBe('Riverside Gazette');
    expect(article.publishedAt?.toISOString()).toBe('2024-03-04T00:00:00.000Z');
  });

  it('magazine: keeps subheadings, a scene break’s continuation, reported "newsletter" and a profile’s career line', () => {
    const article = parsePlainTextArticle(
      [
        'The quiet comeback of the night train',
        'Sleeper services are returning across Europe, but can they make money this time?',
        'When the last sleeper from Paris to Berlin was withdrawn in 2014, few passengers noticed.',
        'Ten years later, the route is sold out most weekends.',
        'A changing market',
        'Operators say demand has been driven by travellers avoiding short-haul flights. One operator told its investors in a newsletter last spring that bookings had risen by 40% year on year.',
        'Get our best stories in your inbox every Friday. Subscribe now',
        'Enter your email address',
        '* * *',
        'Not everyone is convinced. Rail economists point out that a sleeper carriage holds about a third as many passengers as a day coach, which makes each ticket expensive to provide.',
        'Tomás Rivera began his career as a conductor on the old Talgo services and now runs a small consultancy. He thinks the economics have changed.',
        'Recommended',
        'Five scenic rail journeys for the winter',
        'Why are train tickets so expensive?',
        'Inside the new Channel Tunnel terminal',
        'Elena Marsh is a senior correspondent covering transport and infrastructure. She previously reported from Brussels for ten years.',
      ].join('\r\n'),
    );
    expect(article.title).toBe('The quiet comeback of the night train');
    expect(article.dek).toBe('Sleeper services are returning across Europe, but can they make money this time?');
    expect(article.paragraphs).toEqual([
      'When the last sleeper from Paris to Berlin was withdrawn in 2014, few passengers noticed.',
      'Ten years later, the route is sold out most weekends.',
      'A changing market',
      'Operators say demand has been driven by travellers avoiding short-haul flights. One operator told its investors in a newsletter last spring that bookings had risen by 40% year on year.',
      'Not everyone is convinced. Rail economists point out that a sleeper carriage holds about a third as many passengers as a day coach, which makes each ticket expensive to provide.',
      'Tomás Rivera began his career as a conductor on the old Talgo services and now runs a small consultancy. He thinks the economics have changed.',
    ]);
    const reasonOf = (text: string) => article.classified.find((p) => p.text === text)?.reason;
    expect(reasonOf('Get our best stories in your inbox every Friday. Subscribe now')).toBe('newsletter');
    expect(reasonOf('Enter your email address')).toBe('newsletter');
    expect(reasonOf('* * *')).toBe('separator');
    expect(reasonOf('Recommended')).toBe('related-heading');
    expect(reasonOf('Why are train tickets so expensive?')).toBe('related-stories');
    expect(reasonOf('Elena Marsh is a senior correspondent covering transport and infrastructure. She previously reported from Brussels for ten years.')).toBe('author-bio');
    expect(article.author).toBe('Elena Marsh');
  });

  it('press release: a repeated headline and lead, a site name next to a sign-up box, and a glued teaser list without separators', () => {
    const article = parsePlainTextArticle(
      [
        'Library opens seven days a week from June',
        'Northfield Times',
        'Don’t miss a story: get the Northfield Times briefing every morning.',
        'Sign up',
        'Northfield Central Library will open on Sundays from 2 June, the first change to its hours since 1998.',
        'Library opens seven days a week from June',
        'The extra day is funded by a £180,000 grant from the regional arts council, which will also pay for two new librarian posts.',
        'Northfield Central Library will open on Sundays from 2 June, the first change to its hours since 1998.',
        'Head librarian Joy Adeyemi said Sunday opening had been the most common request in last year’s survey of members.',
        'Why the bus station clock stopped at 4.15NorthfieldA mystery solved after ten years',
        'Five walks within an hour of the cityOutdoorsOur pick of spring routes',
        'Meet the baker feeding a whole streetPeopleHow one shop kept going',
      ].join('\n'),
    );
    expect(article.title).toBe('Library opens seven days a week from June');
    // The second line is a site name, not a standfirst.
    expect(article.dek).toBeNull();
    expect(article.paragraphs).toEqual([
      'Northfield Central Library will open on Sundays from 2 June, the first change to its hours since 1998.',
      'The extra day is funded by a £180,000 grant from the regional arts council, which will also pay for two new librarian posts.',
      'Head librarian Joy Adeyemi said Sunday opening had been the most common request in last year’s survey of members.',
    ]);
    const reasons = article.classified.map((p) => p.reason);
    expect(reasons).toEqual([
      'site-name',
      'promo',
      'newsletter',
      null,
      'duplicate',
      null,
      'duplicate',
      null,
      'related-stories',
      'related-stories',
      'related-stories',
    ]);
    expect(article.publisher).toBe('Northfield Times');
  });
});

describe('parsePlainTextArticle input handling', () => {
  it('joins hard-wrapped paragraphs separated by blank lines', () => {
    const article = parsePlainTextArticle(
      [
        'Port strike ends after nine days',
        '',
        'Dock workers voted on Friday to accept a 7% pay rise, ending a strike',
        'that left more than forty container ships waiting off the coast and',
        'delayed deliveries to supermarkets across the region.',
        '',
        'The union said the deal also limits night shifts to three a week, a',
        'demand that had been rejected twice during earlier talks.',
      ].join('\n'),
    );
    expect(article.title).toBe('Port strike ends after nine days');
    expect(article.dek).toBeNull();
    expect(article.paragraphs).toEqual([
      'Dock workers voted on Friday to accept a 7% pay rise, ending a strike that left more than forty container ships waiting off the coast and delayed deliveries to supermarkets across the region.',
      'The union said the deal also limits night shifts to three a week, a demand that had been rejected twice during earlier talks.',
    ]);
  });

  it('derives a title when the first line is a whole paragraph, and keeps that paragraph', () => {
    const opening =
      'The regional water company has been fined £3m for failing to report sewage spills into the River Aln over five years. Inspectors found that monitors at two treatment works had been switched off for months at a time.';
    const article = parsePlainTextArticle(`${opening}\nThe company said it would not appeal.`);
    expect(article.title).toBe('The regional water company has been fined £3m for failing to report sewage spills into the River Aln over five years.');
    expect(article.dek).toBeNull();
    expect(article.paragraphs).toEqual([opening, 'The company said it would not appeal.']);
  });

  it('classifies 2 MB of adversarial lines in bounded time', () => {
    // Tens of thousands of pitch lines next to prompts and of separators before teasers: the
    // neighbour and footer passes must not rescan the document per line.
    const unit = (i: number) => `Get more today ${i}\nSign up for Brand${i} newsletter\nBrand${i}\n-\nSome Headline Number ${i}\n`;
    let text = 'Title\n';
    for (let i = 0; text.length < 2 * 1024 * 1024 - 200; i++) text += unit(i);
    const started = performance.now();
    const article = parsePlainTextArticle(text);
    expect(article.classified.length).toBeGreaterThan(50_000);
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('rejects empty, binary and title-only input with ImportError codes', () => {
    expect(() => parsePlainTextArticle(' \n\t\n')).toThrow(expect.objectContaining({ code: 'EMPTY' }));
    expect(() => parsePlainTextArticle('PK\u0003\u0004\u0000\u0000binary')).toThrow(expect.objectContaining({ code: 'BINARY' }));
    expect(() => parsePlainTextArticle('Just a headline')).toThrow(expect.objectContaining({ code: 'NO_TEXT' }));
  });
});
