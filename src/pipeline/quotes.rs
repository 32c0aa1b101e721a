//! Direct quotations: straight and curly quotes, multi-sentence and partial
//! quotes, attributed before or after ("…,” Gen. Sopheak said", "said X",
//! "X said in a message", "he said", "added the producer"), and a quote its
//! sentence does not attribute to the speaker of the quote it carries on from.

use super::attribution::{is_speech_verb, Attributor};
use super::lexicon::lexicon;
use super::text::{Analysed, TokenKind};
use std::ops::Range;

#[derive(Debug, Clone, PartialEq)]
pub struct FoundQuote {
    /// Byte range of the quoted words.
    pub inner: Range<usize>,
    /// Token range from the opening to the closing mark.
    pub tokens: Range<usize>,
    pub sentence: usize,
    pub speaker: Option<usize>,
}

/// Opening and closing token of every quotation, by paragraph.
fn pairs(doc: &Analysed) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, bool)> = None;
    for (index, token) in doc.tokens.iter().enumerate() {
        let paragraph_changed =
            open.is_some_and(|(o, _)| doc.sentences[doc.sentence_of(o)].paragraph != doc.sentences[doc.sentence_of(index)].paragraph);
        if paragraph_changed {
            // A double quotation left open runs to the end of its paragraph; a single
            // mark left open was an apostrophe.
            if let Some((o, true)) = open {
                out.push((o, index));
            }
            open = None;
        }
        if let TokenKind::Quote { open: is_open, double } = token.kind {
            match open {
                None if is_open => open = Some((index, double)),
                // A double quotation opening inside a single one: the single mark was an apostrophe.
                Some((_, false)) if is_open && double => open = Some((index, double)),
                // A quotation reopened while still open: the writer carried it on over a
                // paragraph break the text has lost ("… on the pitch. "And he …").
                Some((o, d)) if is_open && d == double && double => {
                    out.push((o, index));
                    open = Some((index, double));
                }
                Some((o, d)) if !is_open && d == double => {
                    out.push((o, index));
                    open = None;
                }
                _ => {}
            }
        }
    }
    if let Some((o, true)) = open {
        out.push((o, doc.tokens.len()));
    }
    out
}

pub fn find(attributor: &Attributor) -> Vec<FoundQuote> {
    let doc = attributor.doc;
    let mut quotes: Vec<FoundQuote> = Vec::new();
    for (open, close) in pairs(doc) {
        if close <= open + 1 {
            continue;
        }
        let start = doc.tokens[open].end;
        let end = doc.tokens[close - 1].end;
        let mut inner = start..end;
        while doc.text[..inner.end].ends_with([',', ' ']) {
            inner.end -= 1;
        }
        let sentence = doc.sentence_of(open);
        let speaker =
            said_by(attributor, open, close, sentence).filter(|&speaker| !names_in_third_person(attributor, open..close, speaker));
        quotes.push(FoundQuote { inner, tokens: open..close, sentence, speaker });
    }
    // A quote its sentence does not attribute carries on from the quote next to it.
    let direct: Vec<Option<usize>> = quotes.iter().map(|q| q.speaker).collect();
    for i in 0..quotes.len() {
        if quotes[i].speaker.is_none() {
            let speaker = carried_on(attributor, &quotes, &direct, i)
                .filter(|&speaker| !names_in_third_person(attributor, quotes[i].tokens.clone(), speaker));
            quotes[i].speaker = speaker;
        }
    }
    quotes
}

/// Whether the quotation from token `quote.start` to `quote.end` names
/// `speaker`, a person, by a word of their name: '"We all want Mike to get
/// better," he said' is not Mike's, whom "he" would otherwise find. A
/// surname that is also a common word ("Young") proves nothing, nor does a
/// word that opens a sentence ("Will we …"), nor a quotation left open,
/// which may run on into the narrator's words.
fn names_in_third_person(attributor: &Attributor, quote: Range<usize>, speaker: usize) -> bool {
    let doc = attributor.doc;
    let entity = &attributor.entities.list[speaker];
    // Closed by its mark, or by the next quotation opening (the writer carried it on).
    let closed = doc.tokens.get(quote.end).is_some_and(|t| matches!(t.kind, TokenKind::Quote { .. }));
    if entity.kind != crate::model::EntityKind::Person || !closed {
        return false;
    }
    let name_words: Vec<&str> = entity.name.split_whitespace().collect();
    let telling = |word: &str| {
        word.chars().count() > 2
            && word.starts_with(char::is_uppercase)
            && (lexicon().is_first_name(word) || !lexicon().is_common_word(word))
    };
    let opens_sentence = |k: usize| k == quote.start + 1 || k == doc.sentences[doc.sentence_of(k)].tokens.start;
    let capital = |k: usize| doc.word(k).starts_with(char::is_uppercase);
    // The whole run of capitalised words must be the speaker's, titles aside: "Tony" in "to Tony Blair" is not Tony Lloyd.
    let names_speaker = |k: usize| {
        let start = (quote.start + 1..k).rev().take_while(|&j| capital(j)).last().unwrap_or(k);
        let end = (k + 1..quote.end).find(|&j| !capital(j)).unwrap_or(quote.end);
        (start..end).all(|j| name_words.contains(&doc.word(j)) || lexicon().is_honorific(doc.word(j)))
    };
    (quote.start + 1..quote.end)
        .any(|k| !opens_sentence(k) && telling(doc.word(k)) && name_words.contains(&doc.word(k)) && names_speaker(k))
}

/// The speaker its own sentence gives a quote: a speech verb after it, before
/// it or anywhere in the sentence, "according to X", the owner of the report
/// the sentence cites, a pronoun subject before it, or a person named before it.
fn said_by(attributor: &Attributor, open: usize, close: usize, sentence: usize) -> Option<usize> {
    let doc = attributor.doc;
    let span = doc.sentences[sentence].tokens.clone();
    // A quote of several sentences is attributed after its close: '"… He is an unsung hero," said Keegan.'
    let closing = doc.sentences.get(doc.sentence_of(close)).map_or(span.clone(), |s| s.tokens.clone());
    // A quote cut short by the next one opening has nothing after it of its own.
    let reopened = doc.tokens.get(close).is_some_and(|t| matches!(t.kind, TokenKind::Quote { open: true, .. }));
    let after = if reopened { close..close } else { close.min(closing.end)..closing.end };
    let before = span.start..open;
    attributor
        .speaker_in(&after, is_speech_verb, false)
        .or_else(|| attribution_after_question(attributor, close))
        .or_else(|| attributor.agent_after(open, close))
        .or_else(|| attributor.speaker_in(&before, is_speech_verb, true))
        .or_else(|| attributor.speaker_in(&span, is_speech_verb, false))
        .or_else(|| attributor.according_to(&span))
        // "… is 'wishful thinking', the report concludes": the report's owner.
        .or(attributor.reports.cited[sentence])
        .or_else(|| attributor.pronoun_subject_before(before.start, before.end))
        // "Jones medals 'must go if guilty' / WADA chief Dick Pound says …": in a headline the
        // name before the quote is its topic; the lede says who spoke.
        .or_else(|| doc.sentences[sentence].headline.then(|| said_in_the_lede(attributor)).flatten())
        .or_else(|| attributor.subject_person(&before))
}

/// '"… how can you go against the movie?" Mr Kashyap's lawyer Mihir Desai
/// said.': a quote that ends its sentence with a question or an exclamation
/// is attributed by the next sentence when that sentence quotes nothing and
/// its speech verb takes no clause of its own.
fn attribution_after_question(attributor: &Attributor, close: usize) -> Option<usize> {
    let doc = attributor.doc;
    let last_inner = close.checked_sub(1).map(|i| doc.word(i))?;
    let sentence = doc.sentence_of(close);
    if !matches!(last_inner, "?" | "!") || doc.sentences[sentence].tokens.end != close + 1 {
        return None;
    }
    let next = doc.sentences.get(sentence + 1).filter(|s| s.paragraph == doc.sentences[sentence].paragraph)?;
    let tokens = next.tokens.clone();
    if tokens.clone().any(|i| attributor.is_quote(i)) {
        return None;
    }
    let verb = tokens.clone().find(|&i| is_speech_verb(doc.word(i)))?;
    let closes = matches!(doc.word(verb + 1), "." | "," | ";" | "in" | "on" | "at" | "after" | "as" | "last" | "yesterday" | "today");
    closes.then(|| attributor.speaker_of_verb(verb, &tokens)).flatten()
}

/// The speaker of an unattributed quote from its neighbours: the quote right
/// after it in the paragraph ("'A.' 'B,' added X"), else the quote before it
/// in the paragraph, or in the paragraph before when it opens its own
/// sentence; but if someone new is named in between, whom the text is now
/// about.
fn carried_on(attributor: &Attributor, quotes: &[FoundQuote], direct: &[Option<usize>], i: usize) -> Option<usize> {
    let doc = attributor.doc;
    let paragraph = |q: &FoundQuote| doc.sentences[q.sentence].paragraph;
    let quote = &quotes[i];
    let closed = doc.tokens.get(quote.tokens.end).is_some_and(|t| matches!(t.kind, TokenKind::Quote { open: false, .. }));
    let next = quotes.get(i + 1).filter(|next| closed && paragraph(next) == paragraph(quote) && next.tokens.start <= quote.tokens.end + 2);
    if let Some(speaker) = next.and_then(|_| direct[i + 1]) {
        return Some(speaker);
    }
    let opens_sentence = quote.tokens.start == doc.sentences[quote.sentence].tokens.start;
    let near =
        |previous: &FoundQuote| paragraph(previous) == paragraph(quote) || (paragraph(previous) + 1 == paragraph(quote) && opens_sentence);
    let Some(previous) = i.checked_sub(1).map(|p| &quotes[p]).filter(|p| near(p)) else {
        return reported_just_before(attributor, quote);
    };
    // 'Amnesty has called Camp Delta a "major scandal"': words quoted inside a sentence of
    // the narrator's carry on only a speaker named in this sentence or the one before.
    let speech_is_recent = previous.sentence == quote.sentence || (direct[i - 1].is_some() && previous.sentence + 1 == quote.sentence);
    if !opens_sentence && !speech_is_recent {
        return None;
    }
    if attributor.names_someone_between(previous.tokens.end, quote.tokens.start) {
        return attributor.salient_person(quote.tokens.start, "");
    }
    previous.speaker
}

/// "'UK will stand firm on EU rebate' / Britain's rebate is not up for
/// renegotiation, Jack Straw said.": a headline's quote is attributed by the
/// speech verb of the article's first sentence.
fn said_in_the_lede(attributor: &Attributor) -> Option<usize> {
    let lede = attributor.doc.sentences.iter().find(|s| !s.headline)?;
    attributor.speaker_in(&lede.tokens, is_speech_verb, false)
}

/// "Dan Jolin says classic shows have a built-in audience. / "I can
/// understand why …"", "Mr Curry says people were bored. "Listen to …"": a
/// quote opening its sentence carries on the reported speech of the sentence
/// right before it, in its paragraph or closing the one before.
fn reported_just_before(attributor: &Attributor, quote: &FoundQuote) -> Option<usize> {
    let doc = attributor.doc;
    let sentence = &doc.sentences[quote.sentence];
    // '"Yes, we are …," a government minister said': a sentence that attributes its quote
    // to someone unresolved carries on no one.
    let attributes_itself = (quote.tokens.end..sentence.tokens.end).any(|k| is_speech_verb(doc.word(k)));
    if quote.tokens.start != sentence.tokens.start || attributes_itself {
        return None;
    }
    let last = doc.sentences.get(quote.sentence.checked_sub(1)?).filter(|s| s.paragraph + 1 >= sentence.paragraph)?;
    attributor.speaker_in(&last.tokens, is_speech_verb, true)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Paragraph, ParagraphKind};
    use crate::pipeline::entities;
    use crate::pipeline::text::analyse_paragraphs;

    /// Each quote as "text <- speaker".
    fn check(text: &str, expected: &[&str]) {
        let doc = analyse_paragraphs(text);
        let found = entities::find(&doc);
        let got: Vec<String> = find(&Attributor::new(&doc, &found))
            .iter()
            .map(|q| format!("{} <- {}", &text[q.inner.clone()], q.speaker.map_or("nobody", |s| found.list[s].name.as_str())))
            .collect();
        assert_eq!(got, expected);
    }

    #[test]
    fn reports_organisations_and_auxiliaries_speak() {
        check(
            "Millions will miss out, predicts a report by telecoms giant BT. The idea is \"wishful thinking\", the report concludes.\n\n\"We needed scale,\" said GM chief executive Rick Wagoner.\n\nGrowth is \"golden\" but slowing, City consultancy Deloitte has warned.\n\nIraq's Ministry of Communications opened bids. The ministry said it wanted a \"very low rate\".",
            &[
                "wishful thinking <- BT",
                "We needed scale <- Rick Wagoner",
                "golden <- Deloitte",
                "very low rate <- Ministry of Communications",
            ],
        );
    }

    #[test]
    fn the_spokesman_and_names_between_verb_and_speaker() {
        check(
            "A UKIP spokesman said the resignation followed reports of a BNP meeting. \"He did once attend,\" the spokesman added.\n\n\"It is a positive development,\" said Gartner's principal analyst Kobita Desai. \"It could ignite interest,\" added Ernst and Young's Sanjay Mehta.",
            &[
                "He did once attend <- UK Independence Party",
                "It is a positive development <- Kobita Desai",
                "It could ignite interest <- Sanjay Mehta",
            ],
        );
    }

    #[test]
    fn a_description_as_subject_speaks_of_the_protagonist() {
        check(
            "Francesco Totti was hurt on Sunday. Totti said it was sore. The 21-year-old missed three months after a challenge with Roma's Olivier Dacourt. And he added: \"It felt different then.\"",
            &["It felt different then. <- Francesco Totti"],
        );
        check(
            "Marat Safin beat Mario Ancic. Safin said he was calm. The Russian hit himself on the head against Ancic. \"I try to stay calm,\" he said.",
            &["I try to stay calm <- Marat Safin"],
        );
        check(
            "Adam Jones says the Wales forwards are determined.\n\nThe prop said: \"If we get stuffed in the front five our backs have had it.\"",
            &["If we get stuffed in the front five our backs have had it. <- Adam Jones"],
        );
    }

    #[test]
    fn role_descriptions_and_it_said() {
        check(
            "\"I understand she is fit,\" said race director Matthew Turnbull. \"We're surprised,\" said DZ bank economist Bernd Weidensteiner.\n\nIn a statement from Lycos Europe, the company denied it. \"There is nothing to suggest that,\" it said.\n\nIt is predicted that sales will be \"huge\".",
            &[
                "I understand she is fit <- Matthew Turnbull",
                "We're surprised <- Bernd Weidensteiner",
                "There is nothing to suggest that <- Lycos Europe",
                "huge <- nobody",
            ],
        );
    }

    #[test]
    fn whom_a_quotation_names_is_not_its_speaker() {
        check(
            "Bass player Mike Mills was taken to hospital. The band's spokesman said they would review their dates. \"Obviously we all want Mike to get better,\" he said. \"Mr Mills is resting.\"\n\n\"We have a common aim,\" said Rick Parry.",
            &["Obviously we all want Mike to get better <- nobody", "Mr Mills is resting. <- nobody", "We have a common aim <- Rick Parry"],
        );
        // A name that only shares a word with the speaker's is someone else's.
        check(
            "Tony Lloyd, the MP, has pledged to take the matter \"to Tony Blair if necessary\".",
            &["to Tony Blair if necessary <- Tony Lloyd"],
        );
        // Nor is the next quotation carried on to them.
        check(
            "His agent said Philip Pullman was happy. \"Of course Philip is very supportive. \"You have to recognise that it is a challenge.\"",
            &["Of course Philip is very supportive. <- nobody", "You have to recognise that it is a challenge. <- nobody"],
        );
    }

    #[test]
    fn a_source_speaks_for_its_organisation() {
        check(
            "Tessa Jowell praised him. A Labour source told the Sunday Times Mr Campbell would \"effectively front\" the campaign.",
            &["effectively front <- Labour Party"],
        );
    }

    #[test]
    fn attribution_after_the_quote() {
        check(
            "“This should be renegotiated,” Khieu Sopheak, an Interior Ministry spokesman, said on Tuesday.\n\n“We wish to have only voluntary repatriation” of nationals, General Sopheak said.\n\n“It is unfair,” said Bill Herod, an adviser.",
            &[
                "This should be renegotiated <- Khieu Sopheak",
                "We wish to have only voluntary repatriation <- Khieu Sopheak",
                "It is unfair <- Bill Herod",
            ],
        );
    }

    #[test]
    fn attribution_before_and_by_pronoun_and_continuation() {
        check(
            "Preap Kol of Transparency International said the government “appointed the officials”.\n\n“Such claims should be investigated,” Kol said in a message.\n\nWith a “logjam” of deportees, this may change, he said.\n\n“They might want to move them soon.”",
            &[
                "appointed the officials <- Preap Kol",
                "Such claims should be investigated <- Preap Kol",
                "logjam <- Preap Kol",
                "They might want to move them soon. <- Preap Kol",
            ],
        );
    }

    #[test]
    fn unnamed_speakers_attach_to_their_organisation_and_scare_quotes_to_nobody() {
        check(
            "A U.S. Embassy spokesman said in December that the deal remained “in force.”\n\nThe detainees claim officials wanted “gifts”.",
            &["in force. <- U.S. Embassy", "gifts <- nobody"],
        );
    }

    #[test]
    fn straight_quotes_and_subject_speakers() {
        check("Foreign Ministry spokesman Chum Sounry praised the ruling and called the sanctions \"unfair\".", &["unfair <- Chum Sounry"]);
    }

    #[test]
    fn a_pronoun_means_whom_the_text_is_about_not_the_nearest_name() {
        check(
            "Carlos Moya beat Andy Roddick in four sets. \"It was hard,\" he said.\n\nRoddick praised him. But he said Moya had luck. \"I had my chances,\" he said.",
            &["It was hard <- Carlos Moya", "I had my chances <- Andy Roddick"],
        );
    }

    #[test]
    fn descriptions_mean_the_person_or_organisation_spoken_of() {
        check(
            "Cardinal Cormac Murphy-O'Connor spoke on the radio. \"How is it that peace has not arrived?\" the cardinal will ask.\n\nProducer Kevin Wallace was in Toronto. \"We hope so,\" added the British producer.\n\nShares in Comair fell. \"We regret it,\" the airline said.",
            &["How is it that peace has not arrived? <- Cormac Murphy-O'Connor", "We hope so <- Kevin Wallace", "We regret it <- Comair"],
        );
        check(
            "Robbie Keane scored twice. \"It was a great night,\" said the Tottenham striker.",
            &["It was a great night <- Robbie Keane"],
        );
    }

    #[test]
    fn appositions_around_the_verb() {
        check(
            "\"Orders are down,\" said EEF chief economist, Steve Radley.\n\nColin Asplin, Blackpool Hotel Association said: \"We tried.\"",
            &["Orders are down <- Steve Radley", "We tried. <- Colin Asplin"],
        );
    }

    #[test]
    fn continuations_carry_the_speaker_forward_back_and_over_a_reopened_quote() {
        check(
            "Kevin Wallace said it was a risk. \"It will be new.\" \"I know fans hoped for London,\" added Mr Wallace.\n\n\"We open in Toronto.\"\n\nAndy Robinson said: \"He is a leader. \"And he is fit.\" Jonny Wilkinson agreed. \"It is a dream.\"",
            &[
                "It will be new. <- Kevin Wallace",
                "I know fans hoped for London <- Kevin Wallace",
                "We open in Toronto. <- Kevin Wallace",
                "He is a leader. <- Andy Robinson",
                "And he is fit. <- Andy Robinson",
                "It is a dream. <- Jonny Wilkinson",
            ],
        );
    }

    #[test]
    fn speakers_named_through_according_to_and_quoted_as_saying() {
        check(
            "Larry Mullen Jr agreed. The band have done \"everything in their powers\" to stay big, according to Q magazine editor Paul Rees.\n\nJeremy Jaynes made $24m. \"He's been ripping people off,\" AP quoted prosecutor Russell McGuire as saying.",
            &["everything in their powers <- Paul Rees", "He's been ripping people off <- Russell McGuire"],
        );
    }

    #[test]
    fn relative_clauses_possessives_statements_and_descriptions_speak() {
        check(
            "It was opposed by the National Council for Adoption, which said it \"exploits\" emotions. Wim Kok wrote it. Lisbon risks being a \"synonym for failure\", his report said.\n\nVieira clashed with Roy Keane. \"The referee is satisfied,\" said an FA statement. \"The Aviator should be ahead,\" said awards pundit Tom O'Neil.\n\nVolkswagen AG is considering a plant in India. The German giant said it was a \"potential\" idea. LG Group refused. It says it wants \"fair guidelines\".",
            &[
                "exploits <- National Council for Adoption",
                "synonym for failure <- Wim Kok",
                "The referee is satisfied <- Football Association",
                "The Aviator should be ahead <- Tom O'Neil",
                "potential <- Volkswagen AG",
                "fair guidelines <- LG Group",
            ],
        );
    }

    #[test]
    fn a_paragraph_opening_with_a_quote_carries_on_the_speech_before_it() {
        check(
            "Dan Jolin, reviews editor of Empire magazine, says classic shows have a built-in audience.\n\n\"But I think it's backfiring.\"\n\nThe film's director Peter Chelsom said he was disappointed that Jennifer Lopez did not attend.\n\n\"It's a shame.\"",
            &["But I think it's backfiring. <- Dan Jolin", "It's a shame. <- Peter Chelsom"],
        );
    }

    #[test]
    fn single_marks_close_after_a_word_and_an_unclosed_one_is_an_apostrophe() {
        check(
            "MPs demand 'Budget leak' answers from the players' union.\n\nThe 'alleged terrorists are many. \"It is wrong,\" said Tony Benn.",
            &["Budget leak <- nobody", "It is wrong <- Tony Benn"],
        );
    }

    #[test]
    fn a_headline_quote_is_attributed_by_the_lede() {
        let text = "Jones medals 'must go if guilty'\n\nWADA chief Dick Pound says Marion Jones should be stripped of her medals.";
        let headline = text.find("\n\n").unwrap_or_default();
        let paragraphs = [
            Paragraph { start: 0, end: headline, kind: ParagraphKind::Headline },
            Paragraph { start: headline + 2, end: text.len(), kind: ParagraphKind::Body },
        ];
        let doc = Analysed::new(text, &paragraphs);
        let found = entities::find(&doc);
        let quotes = find(&Attributor::new(&doc, &found));
        let speakers: Vec<&str> = quotes.iter().filter_map(|q| q.speaker).map(|s| found.list[s].name.as_str()).collect();
        assert_eq!(speakers, ["Dick Pound"]);
    }

    #[test]
    fn words_quoted_in_the_narrators_sentence_carry_on_no_one() {
        check(
            "\"People get released from prison,\" said Roger Godsiff. Campaigners have been outraged. Camp Delta is a \"major scandal\" for Amnesty International.\n\nDesmond Tutu spoke. He told BBC News: \"It is utterly unacceptable.\"",
            &["People get released from prison <- Roger Godsiff", "major scandal <- nobody", "It is utterly unacceptable. <- Desmond Tutu"],
        );
    }

    #[test]
    fn abbreviations_and_from_the_organisation_stand_between_speaker_and_verb() {
        check(
            "Lending fell. The British Bankers' Association (BBA) said lending was \"weaker\".\n\nNigel McCune from the Musicians' Union said: \"It is a raw deal.\"",
            &["weaker <- British Bankers' Association", "It is a raw deal. <- Nigel McCune"],
        );
    }

    #[test]
    fn a_quote_of_several_sentences_is_attributed_where_it_closes() {
        check(
            "Paul Bosvelt joined in 2003. \"He realised the pace was faster. He is an unsung hero,\" said Kevin Keegan.",
            &["He realised the pace was faster. He is an unsung hero <- Kevin Keegan"],
        );
    }

    #[test]
    fn a_question_quote_is_attributed_by_the_sentence_after_it() {
        check(
            "Anurag Kashyap made the film. \"How can you go against the movie?\" Mr Kashyap's lawyer Mihir Desai said.",
            &["How can you go against the movie? <- Mihir Desai"],
        );
    }

    #[test]
    fn ages_and_names_of_organisations_describe_speakers() {
        check(
            "Norwich signed Graham Stuart. \"It was easy,\" the 34-year-old told Norwich's website.\n\n\"Paula would be an asset,\" said Zara Hyde Peters of UK Athletics.",
            &["It was easy <- Graham Stuart", "Paula would be an asset <- Zara Hyde Peters"],
        );
    }

    #[test]
    fn a_person_after_a_comma_speaks_for_themselves() {
        check(
            "Mahmoud Abbas won. In an interview with Andrew Marr, Mr Abbas said: \"It is a first step.\"",
            &["It is a first step. <- Mahmoud Abbas"],
        );
    }

    #[test]
    fn a_person_spoken_of_does_not_speak_but_an_owner_of_a_statement_does() {
        check(
            "The regulator fined CBS for singer Janet Jackson's \"wardrobe malfunction\".\n\nRafael Benitez has called the rivalry \"bitter\".\n\nMr Crosby's statement said: \"We made an impact.\"",
            &["wardrobe malfunction <- nobody", "bitter <- Rafael Benitez", "We made an impact. <- Crosby"],
        );
    }

    #[test]
    fn a_subject_speaks_past_auxiliaries() {
        check("Amnesty International has called Camp Delta a \"major scandal\".", &["major scandal <- Amnesty International"]);
    }

    #[test]
    fn reported_speech_carries_on_and_a_bare_spokesman_speaks_for_the_organisation_just_named() {
        check(
            "Most importantly, Adam Curry says, people were bored. \"Listen to the radio you hear today.\"\n\nBut the Home Office defended the measures. A spokesman said: \"They cannot be prosecuted.\"\n\nIt is not worth showing \"non-essential\" scenes, said PBS' Jacoba Atlas. \"It is not,\" chairman Chung Mong-koo said.",
            &[
                "Listen to the radio you hear today. <- Adam Curry",
                "They cannot be prosecuted. <- Home Office",
                "non-essential <- Jacoba Atlas",
                "It is not <- Chung Mong-koo",
            ],
        );
    }

    #[test]
    fn the_subject_of_what_was_said_the_listener_and_a_spokeswoman_who_goes_on() {
        check(
            "Noel Dempsey, the minister, said Mr Ahern had been \"very committed\".\n\nEllen Simonetti was told her pictures were \"inappropriate\".\n\nBertie Ahern left. A Home Office spokeswoman said the plan was fine. She added: \"It works.\"\n\nMike Lake, a spokesman for the lawyers, said so. Yukos is \"prepared\", he said.",
            &["very committed <- Noel Dempsey", "inappropriate <- nobody", "It works. <- Home Office", "prepared <- Mike Lake"],
        );
    }

    #[test]
    fn a_participle_opening_the_sentence_and_an_owner_name_someone_else() {
        check(
            "Pervez Musharraf spoke in London. But standing next to Tony Blair he added it was \"crucial\".\n\nRafael Benitez hailed the crowd. The Reds won, capped by Steven Gerrard's drive. He added: \"Steven can play all over the pitch.\"",
            &["crucial <- Pervez Musharraf", "Steven can play all over the pitch. <- Rafael Benitez"],
        );
    }

    #[test]
    fn an_aside_between_dashes_and_the_agent_of_a_label() {
        check(
            "DJ Norman Cook - aka Fatboy Slim - has admitted it is in a \"fallow patch\".\n\nThe plans were branded \"deeply irresponsible\" by the Liberal Democrats.\n\nVoters feel \"taken for granted\" by Tony Blair.",
            &["fallow patch <- DJ Norman Cook", "deeply irresponsible <- Liberal Democrats", "taken for granted <- nobody"],
        );
    }
}
