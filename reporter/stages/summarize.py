"""Stage 3: an extractive summary of each article, sumy's algorithms or ours.

The summarizer sees only body sentences (never a title, caption or boilerplate
line): we build sumy's ObjectDocumentModel from our own sentences, with our
tokenizer, so it needs no NLTK punkt data and every summary sentence maps back
to our ids. The algorithm and length are the run's settings (reporter.settings.Summary).

The default, news, is TextRank made to carry a story's lead facts (the lede, a key
figure, never a phone number: reporter/summarizers/news.py). textrank is sumy's
TextRank computed with numpy (reporter/summarizers/textrank.py), and lexrank is sumy's LexRank the same way
(reporter/summarizers/lexrank.py): sumy's own compare every sentence pair in
Python (its LexRank takes about 17 s on 1000 sentences). Ours get the same
tokenizer, stemmer and stop words, and pick the same sentences
(tests/test_textrank.py, tests/test_lexrank.py); sumy's own stay available as
textrank-sumy and lexrank-sumy.
"""
from __future__ import annotations

import math

from reporter.model import Article
from reporter.settings import Summary, parse_length
from reporter.text.language import WORD, resources, stemmer


class WordTokenizer:
    """The tokenizer object sumy asks for (to_sentences, to_words, language)."""

    def __init__(self, language: str):
        self.language = resources(language).name

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:  # unused: we hand sumy sentences
        return (paragraph,)

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(m.group() for m in WORD.finditer(sentence))


def sentence_count(length: str, available: int) -> int:
    value, percent = parse_length(length)
    n = math.ceil(available * value / 100) if percent else int(value)
    return max(1, min(n, available)) if available else 0


def build_lexrank(language: str):
    """sumy's LexRank, vectorised, with the tokenizer, stemmer and stop words sumy's is given."""
    from reporter.summarizers.lexrank import LexRank

    return LexRank(WordTokenizer(language).to_words, stemmer(language), resources(language).stop_words)


def build_textrank(language: str):
    """sumy's TextRank, vectorised, with the tokenizer, stemmer and stop words sumy's is given."""
    from reporter.summarizers.textrank import TextRank

    return TextRank(WordTokenizer(language).to_words, stemmer(language), resources(language).stop_words)


def build_news(language: str):
    """The default: TextRank's choice made to carry the lead facts (summarizers/news.py says how)."""
    from reporter.summarizers.news import NewsSummarizer

    return NewsSummarizer(build_textrank(language), language)


# Our numpy versions of sumy's graph rankers: the same choices, without sumy's
# pure-Python n x n loop (tests/test_lexrank.py, tests/test_textrank.py); news on top of TextRank.
VECTORISED = {"news": build_news, "lexrank": build_lexrank, "textrank": build_textrank}


def _stemmer(language: str):
    """sumy's own Stemmer, for sumy's summarizers (ours get language.stemmer: the same NLTK
    Snowball stemmer without importing sumy and all of NLTK, issue 17)."""
    from sumy.nlp.stemmers import Stemmer

    return Stemmer(resources(language).name)


def build_summarizer(name: str, language: str):
    """One factory for every sumy algorithm, stemmer and stop words set here."""
    from sumy.summarizers.kl import KLSummarizer
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.lsa import LsaSummarizer
    from sumy.summarizers.luhn import LuhnSummarizer
    from sumy.summarizers.sum_basic import SumBasicSummarizer
    from sumy.summarizers.text_rank import TextRankSummarizer

    classes = {"lexrank-sumy": LexRankSummarizer, "textrank-sumy": TextRankSummarizer, "lsa": LsaSummarizer,
               "luhn": LuhnSummarizer, "kl": KLSummarizer, "sumbasic": SumBasicSummarizer}
    summarizer = classes[name](_stemmer(language))
    # sumy's API sets stop words after construction; its default is none at all.
    summarizer.stop_words = resources(language).stop_words
    return summarizer


def summarize(article: Article, settings: Summary = Summary()) -> tuple[str, ...]:
    """Ids of the summary sentences, in source order."""
    claims = article.claims
    n = sentence_count(settings.length, len(claims))
    if n == 0:
        return ()
    if settings.summarizer == "lead" or n >= len(claims):
        return tuple(s.id for s in claims[:n])
    if settings.summarizer in VECTORISED:
        chosen_indices = VECTORISED[settings.summarizer](article.language)([s.text for s in claims], n)
        return tuple(claims[i].id for i in chosen_indices)
    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence as SumySentence

    tokenizer = WordTokenizer(article.language)
    paragraphs: dict[int, list] = {}
    for s in claims:
        paragraphs.setdefault(s.paragraph, []).append(SumySentence(s.text, tokenizer))
    document = ObjectDocumentModel(tuple(Paragraph(p) for p in paragraphs.values()))
    chosen = build_summarizer(settings.summarizer, article.language)(document, n)
    # sumy returns sentence objects (equal when their text is equal): map back by
    # text, each id used once, so repeated sentences keep distinct ids.
    picked: set[str] = set()
    for c in chosen:
        text = str(c)
        sid = next((s.id for s in claims if s.text.strip() == text and s.id not in picked), None)
        if sid:
            picked.add(sid)
    return tuple(s.id for s in claims if s.id in picked)
