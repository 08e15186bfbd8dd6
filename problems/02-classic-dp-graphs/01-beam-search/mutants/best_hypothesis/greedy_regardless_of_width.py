"""Always follows the single most probable token (beam width 1), whatever beam_width says."""

import numpy as np


class BeamSearch:
    def __init__(self, next_log_probs, eos_id, beam_width, max_length):
        if beam_width < 1 or max_length < 1:
            raise ValueError("beam_width and max_length must be at least 1")
        self.next_log_probs, self.eos_id = next_log_probs, eos_id
        self.beam_width, self.max_length = beam_width, max_length

    def decode(self):
        tokens, score = (), 0.0
        for _ in range(self.max_length):
            log_probs = np.asarray(self.next_log_probs(tokens))
            token = int(np.argmax(log_probs))
            tokens, score = tokens + (token,), score + float(log_probs[token])
            if token == self.eos_id:
                break
        return tokens, score
