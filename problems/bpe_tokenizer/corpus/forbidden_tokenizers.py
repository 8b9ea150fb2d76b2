# expect: forbidden_import
# why: Hugging Face's tokenizers library trains BPE for you; only the standard library is allowed
from tokenizers import Tokenizer, models, pre_tokenizers, trainers


def train_bpe(corpus, num_merges):
    tokenizer = Tokenizer(models.BPE(end_of_word_suffix="</w>"))
    tokenizer.pre_tokenizer = pre_tokenizers.WhitespaceSplit()
    trainer = trainers.BpeTrainer(vocab_size=num_merges, end_of_word_suffix="</w>")
    tokenizer.train_from_iterator([corpus], trainer)
    return [tuple(m.split(" ")) for m in tokenizer.model.get_merges()]


def encode(text, merges):
    raise NotImplementedError
