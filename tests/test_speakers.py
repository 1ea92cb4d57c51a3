"""Who a quotation is given to (text/features.py, _speakers): the compare stage sets two speakers of one
quotation against each other."""
from reporter.text.features import analyze


def test_a_quoted_phrase_given_to_no_one_has_no_speakers():
    """Two BBC politics reports: "The Tories ... accused the prime minister ... of behaving like
    'schoolboys squabbling in a playground'" and "Tory leader Michael Howard accused ... of 'squabbling
    like schoolboys'" were a who-said-what conflict (The Tories / Michael Howard, Mr Brown): a phrase
    the sentence quotes is no one's words, and the names beside it are no speakers."""
    assert analyze('Tory leader Michael Howard accused the prime minister and Mr Brown of "squabbling like '
                   'schoolboys".', "en").speakers == ()
    assert "mayor" in analyze('"We have never seen the water this high," the mayor told local radio.', "en").speakers
    assert "tomas lera" in analyze("«No vamos a negociar bajo amenazas», aseguró el portavoz, Tomás Lera.", "es").speakers
    assert "ana ruiz" in analyze('Ana Ruiz wrote: "The river will rise again."', "en").speakers
